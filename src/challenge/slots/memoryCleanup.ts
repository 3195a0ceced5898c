/**
 * Code slot `memoryCleanup`: the learner writes `sweep(blocks, nowMs)`, a memory pool's stale-block cleanup
 * (the deep clean between rushes).
 *
 * A pool of `blockCount` blocks (counter spaces). Cooks arrive (Poisson, seeded), each allocates a block (the
 * lowest free id), works for a while and touches the block at most `touchEveryMs` apart (every half to the
 * whole of it), then frees it. A share of the cooks forget their block part-way (`leakChance`): they never
 * touch or free it again, a leak. Every `sweepEveryMs` the harness calls `sweep` with every allocated block,
 * `{ id, owner, allocatedAtMs, lastTouchedAtMs }`, and frees the ids it returns.
 *
 * - Ids that are not allocated blocks, duplicates, or anything but an array break the contract.
 * - Reclaiming a forgotten block counts `block.reclaimed`; reclaiming a block whose cook is still working is a
 *   use-after-free (`block.reclaimedInUse`): that cook's work is lost.
 * - A cook who finds no free block goes without (`alloc.failed`).
 * - At close, `leakedAtClose` (`block.leaked`) counts forgotten blocks still held that were already untouched
 *   for `touchEveryMs` at the last sweep (that sweep could have known).
 *
 * A working cook's block is never untouched for `touchEveryMs` or longer, so "untouched for at least
 * touchEveryMs" is a safe test for a leak. The cooks (arrivals, work, touches, who forgets when) are drawn
 * before the run, so every policy meets the same cooks.
 */
import { bernoulli, createRandom, exponential, logNormal, uniform, uniformInt } from '../../sim/random.ts';
import { Scheduler } from '../../sim/scheduler.ts';
import type { CodeSlot, SlotRun, SlotRunOptions } from './codeSlot.ts';
import { ContractError } from './codeSlot.ts';
import { describeValue, listPreview, readParams, wholeMs, zeroCounts } from './slotSupport.ts';

/** An allocated block as `sweep` sees it. */
export interface BlockView {
  id: number;
  owner: string;
  allocatedAtMs: number;
  lastTouchedAtMs: number;
}

export const memoryCleanupDefaults = {
  /** Blocks in the pool. */
  blockCount: 32,
  /** A working owner touches its block at most this far apart. */
  touchEveryMs: 10_000,
  /** Time between two sweeps. */
  sweepEveryMs: 30_000,
  /** Share of owners who forget their block (a leak). */
  leakChance: 0.1,
  /** Mean arrival rate of owners (Poisson). */
  ownersPerMinute: 4,
  /** Median time an owner works with its block. */
  workMedianMs: 120_000,
  /** Length of the run (no arrivals after it). */
  serviceMs: 7_200_000,
};

type Params = typeof memoryCleanupDefaults;

const EVENTS = [
  'alloc.granted',
  'alloc.failed',
  'block.freed',
  'block.forgotten',
  'block.reclaimed',
  'block.reclaimedInUse',
  'block.leaked',
  'sweep.ran',
] as const;

interface Owner {
  name: string;
  arrivedAtMs: number;
  /** When it frees its block (if it does not forget it first). */
  endAtMs: number;
  /** When it forgets its block, or Infinity. */
  forgetAtMs: number;
  /** Touch times after the allocation, ascending, all before `endAtMs`. */
  touchesMs: number[];
}

/** The owners of one seed, drawn before the run. */
export function ownerList(seed: number, p: Params): Owner[] {
  const rng = createRandom(seed);
  const owners: Owner[] = [];
  const meanGapMs = 60_000 / Math.max(1e-9, p.ownersPerMinute);
  const touchMax = Math.max(2, Math.floor(p.touchEveryMs) - 1);
  const touchMin = Math.max(1, Math.floor(touchMax / 2));
  let atMs = 0;
  for (;;) {
    atMs += wholeMs(exponential(rng, meanGapMs), 1);
    if (atMs >= p.serviceMs) break;
    const workMs = wholeMs(logNormal(rng, p.workMedianMs, 0.5), 1);
    const isLeaky = bernoulli(rng, p.leakChance);
    const forgetDraw = uniform(rng);
    const endAtMs = atMs + workMs;
    const touchesMs: number[] = [];
    for (let t = atMs + uniformInt(rng, touchMin, touchMax); t < endAtMs; t += uniformInt(rng, touchMin, touchMax)) {
      touchesMs.push(t);
    }
    owners.push({
      name: `cook-${owners.length + 1}`,
      arrivedAtMs: atMs,
      endAtMs,
      forgetAtMs: isLeaky ? atMs + wholeMs(forgetDraw * workMs) : Infinity,
      touchesMs,
    });
  }
  return owners;
}

interface Block {
  id: number;
  /** Index of the owner holding it, or -1 when free. */
  owner: number;
  allocatedAtMs: number;
}

/** The owner's last touch at or before `nowMs` (its allocation time if none). */
function lastTouchMs(owner: Owner, nowMs: number): number {
  const until = Math.min(nowMs, owner.forgetAtMs);
  let last = owner.arrivedAtMs;
  for (const t of owner.touchesMs) {
    if (t > until) break;
    last = t;
  }
  return last;
}

function run({ seed, params, call }: SlotRunOptions): SlotRun {
  const p = readParams('memoryCleanup', memoryCleanupDefaults, params);
  const owners = ownerList(seed, p);
  const counts = zeroCounts(EVENTS);
  const blocks: Block[] = Array.from({ length: Math.max(0, Math.floor(p.blockCount)) }, (_, i) => ({
    id: i + 1,
    owner: -1,
    allocatedAtMs: 0,
  }));
  /** The block each owner holds (index into `blocks`), or -1. */
  const held = new Array<number>(owners.length).fill(-1);
  let inUse = 0;
  let peakInUse = 0;
  let lastSweepAtMs = -Infinity;

  const s = new Scheduler();
  s.on('arrive', (i) => {
    const block = blocks.find((b) => b.owner < 0);
    if (!block) {
      counts['alloc.failed']++;
      return;
    }
    block.owner = i;
    block.allocatedAtMs = s.nowMs;
    held[i] = block.id - 1;
    counts['alloc.granted']++;
    inUse++;
    peakInUse = Math.max(peakInUse, inUse);
    const owner = owners[i];
    if (owner.forgetAtMs < owner.endAtMs) s.schedule(owner.forgetAtMs, 'forget', i);
    else s.schedule(owner.endAtMs, 'free', i);
  });
  s.on('forget', (i) => {
    if (held[i] >= 0) counts['block.forgotten']++;
  });
  s.on('free', (i) => {
    if (held[i] < 0) return; // its block was reclaimed under it
    blocks[held[i]].owner = -1;
    held[i] = -1;
    inUse--;
    counts['block.freed']++;
  });
  s.on('sweep', () => {
    s.after(p.sweepEveryMs, 'sweep');
    const nowMs = s.nowMs;
    lastSweepAtMs = nowMs;
    const allocated = blocks.filter((b) => b.owner >= 0);
    const views: BlockView[] = allocated.map((b) => ({
      id: b.id,
      owner: owners[b.owner].name,
      allocatedAtMs: b.allocatedAtMs,
      lastTouchedAtMs: lastTouchMs(owners[b.owner], nowMs),
    }));
    counts['sweep.ran']++;
    const answer = call(views, nowMs);
    for (const block of reclaimList(answer, allocated, blocks)) {
      const owner = owners[block.owner];
      if (nowMs < owner.forgetAtMs) counts['block.reclaimedInUse']++;
      else counts['block.reclaimed']++;
      held[block.owner] = -1;
      block.owner = -1;
      inUse--;
    }
  });
  owners.forEach((o, i) => s.schedule(o.arrivedAtMs, 'arrive', i));
  s.schedule(p.sweepEveryMs, 'sweep');
  s.runUntil(p.serviceMs);

  // Leaked: held at close by an owner who forgot it, and already untouched for touchEveryMs at the last sweep
  // (so that sweep could have known; a block forgotten just before close is not counted).
  const leakedAtClose = blocks.filter((b) => {
    if (b.owner < 0) return false;
    const owner = owners[b.owner];
    return owner.forgetAtMs <= p.serviceMs && lastTouchMs(owner, p.serviceMs) + p.touchEveryMs <= lastSweepAtMs;
  }).length;
  counts['block.leaked'] = leakedAtClose;
  return {
    metrics: {
      failedAllocations: counts['alloc.failed'],
      reclaimed: counts['block.reclaimed'],
      reclaimedInUse: counts['block.reclaimedInUse'],
      leakedAtClose,
      peakInUse,
    },
    eventCounts: { ...counts },
  };
}

/** The blocks `sweep` asked to free, checked: an array of distinct ids of allocated blocks. */
function reclaimList(answer: unknown, allocated: readonly Block[], blocks: readonly Block[]): Block[] {
  if (!Array.isArray(answer)) {
    throw new ContractError(`sweep returned ${describeValue(answer)}, expected an array of block ids (numbers), e.g. [3, 7] or []`);
  }
  const seen = new Set<number>();
  const result: Block[] = [];
  for (const id of answer) {
    const block = typeof id === 'number' && Number.isInteger(id) ? blocks[id - 1] : undefined;
    if (!block || block.owner < 0) {
      const ids = listPreview(allocated.map((b) => b.id));
      const what = typeof id === 'number' ? 'which is not an allocated block' : 'expected block ids (numbers)';
      throw new ContractError(`sweep returned ${describeValue(id)} in its list, ${what} (allocated: ${ids})`);
    }
    if (seen.has(id as number)) {
      throw new ContractError(`sweep returned block ${id} more than once; expected each block id at most once`);
    }
    seen.add(id as number);
    result.push(block);
  }
  return result;
}

export const memoryCleanup: CodeSlot = {
  id: 'memoryCleanup',
  functionName: 'sweep',
  signature: 'sweep(blocks, nowMs) → blockId[]',
  contract: [
    'Cooks borrow counter space (a block) from the pool, use it, and give it back, touching it at least every',
    'few seconds while they work. Some forget theirs: nobody touches it again and it is never given back.',
    'Every so often you are handed every block in use, each as { id, owner, allocatedAtMs, lastTouchedAtMs },',
    'and the time now. Return an array with the ids of the blocks to take back ([] takes back none). Each id',
    'must be a block in that list, listed once; anything else stops the run with an error.',
    'Taking back a block whose cook is still working is a use-after-free: their work is ruined. Leaving',
    'forgotten blocks out means the pool runs dry and new cooks go without.',
  ].join(' '),
  defaults: { ...memoryCleanupDefaults },
  run,
};
