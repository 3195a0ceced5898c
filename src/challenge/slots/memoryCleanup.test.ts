import { describe, expect, it } from 'vitest';
import { ContractError } from './codeSlot.ts';
import { memoryCleanup, memoryCleanupDefaults, ownerList, type BlockView } from './memoryCleanup.ts';
import { runSlot } from './testing/slotTesting.ts';

const idleFor = (ms: number) => (blocks: BlockView[], nowMs: number) =>
  blocks.filter((b) => nowMs - b.lastTouchedAtMs >= ms).map((b) => b.id);

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('memoryCleanup.run()', () => {
  it('never sweeping leaks the pool dry (seed 1)', () => {
    expect(runSlot(memoryCleanup, () => [], 1)).toEqual({
      metrics: { failedAllocations: 132, reclaimed: 0, reclaimedInUse: 0, leakedAtClose: 32, peakInUse: 32 },
      eventCounts: {
        'alloc.granted': 352,
        'alloc.failed': 132,
        'block.freed': 320,
        'block.forgotten': 32,
        'block.reclaimed': 0,
        'block.reclaimedInUse': 0,
        'block.leaked': 32,
        'sweep.ran': 240,
      },
      calls: 240,
    });
  });

  it('reclaiming blocks untouched for touchEveryMs takes back every leak and nothing in use (seed 1)', () => {
    expect(runSlot(memoryCleanup, idleFor(10_000), 1).metrics).toEqual({
      failedAllocations: 0, reclaimed: 52, reclaimedInUse: 0, leakedAtClose: 0, peakInUse: 18,
    });
  });

  it('a shorter idle limit than touchEveryMs frees blocks still in use (seed 2)', () => {
    const run = runSlot(memoryCleanup, (b: BlockView[], nowMs: number) => b.filter((x) => nowMs - x.lastTouchedAtMs > 5000).map((x) => x.id), 2);
    expect(run.metrics).toEqual({ failedAllocations: 0, reclaimed: 26, reclaimedInUse: 332, leakedAtClose: 0, peakInUse: 11 });
  });

  it('never shows a working owner\'s block untouched for touchEveryMs', () => {
    for (const seed of [1, 2, 3]) {
      for (const owner of ownerList(seed, memoryCleanupDefaults)) {
        let last = owner.arrivedAtMs;
        for (const t of [...owner.touchesMs, owner.endAtMs]) {
          expect(t - last).toBeLessThan(memoryCleanupDefaults.touchEveryMs);
          last = t;
        }
      }
    }
  });

  it('passes every allocated block with its owner and times', () => {
    const seen: { blocks: BlockView[]; nowMs: number }[] = [];
    runSlot(memoryCleanup, (blocks: BlockView[], nowMs: number) => (seen.push({ blocks, nowMs }), []), 1, { serviceMs: 60_000 });
    expect(seen.map((s) => s.nowMs)).toEqual([30_000, 60_000]);
    const first = seen[0].blocks[0];
    expect(Object.keys(first).sort()).toEqual(['allocatedAtMs', 'id', 'lastTouchedAtMs', 'owner']);
    expect(first.id).toBe(1);
    expect(first.owner).toBe('cook-1');
    expect(first.lastTouchedAtMs).toBeGreaterThanOrEqual(first.allocatedAtMs);
    expect(first.lastTouchedAtMs).toBeLessThanOrEqual(30_000);
  });

  it('is deterministic: the same seed gives the same SlotRun, another seed another', () => {
    expect(runSlot(memoryCleanup, idleFor(10_000), 3)).toEqual(runSlot(memoryCleanup, idleFor(10_000), 3));
    expect(runSlot(memoryCleanup, idleFor(10_000), 4)).not.toEqual(runSlot(memoryCleanup, idleFor(10_000), 3));
  });
});

describe('memoryCleanup contract errors', () => {
  it('rejects anything but an array', () => {
    const e = errorOf(() => runSlot(memoryCleanup, () => 3, 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe('sweep returned 3, expected an array of block ids (numbers), e.g. [3, 7] or []');
    expect(errorOf(() => runSlot(memoryCleanup, () => undefined, 1)).message).toBe(
      'sweep returned undefined, expected an array of block ids (numbers), e.g. [3, 7] or []',
    );
  });

  it('rejects an id that is not an allocated block, or not a number', () => {
    const e = errorOf(() => runSlot(memoryCleanup, () => [32], 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe('sweep returned 32 in its list, which is not an allocated block (allocated: 1, 2, 3, 4, 5)');
    expect(errorOf(() => runSlot(memoryCleanup, (b: BlockView[]) => b.map((x) => String(x.id)), 1)).message).toBe(
      'sweep returned "1" in its list, expected block ids (numbers) (allocated: 1, 2, 3, 4, 5)',
    );
  });

  it('rejects the same block twice', () => {
    const e = errorOf(() => runSlot(memoryCleanup, (b: BlockView[]) => (b.length > 0 ? [b[0].id, b[0].id] : []), 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe('sweep returned block 1 more than once; expected each block id at most once');
  });
});
