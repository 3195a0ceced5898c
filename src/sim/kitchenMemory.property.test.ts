/**
 * Property test of KitchenMemory: random configurations and random sequences of allocate / free / touch /
 * markUnreachable / advance / setLimits / collectGarbage / sweepStale, checked against a small model that
 * knows which blocks are live, what each costs and which are unreachable. The model predicts the route and
 * the cost of every request and whether a pool or the limit refuses it; only the heap's own search is left
 * to the allocator (whose exact behaviour has its own tests), so a heap request may end in `heap.oom`.
 *
 * Accounting checked (see kitchenMemory.ts): a pool block costs its pool's blockSize, a heap block its
 * allocator size (payload rounded up to the alignment, plus the header); usedBytes is the sum over live blocks
 * and is what the memory limit is checked against.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimEvent, StationClass } from './events.ts';
import { FIT_POLICIES, LIST_ORDERS } from './freeListAllocator.ts';
import { KitchenMemory, type StationsConfig } from './kitchenMemory.ts';
import { createTestContext } from './testing/testContext.ts';

interface ModelBlock {
  size: number;
  requested: number;
  owner: string;
  lastUsedAtMs: number;
  isUnreachable: boolean;
  isHeap: boolean;
  poolClass: StationClass | null;
}

type Op =
  | { op: 'alloc'; size: number; owner: number }
  | { op: 'free'; pick: number; isRaw: boolean }
  | { op: 'touch'; pick: number }
  | { op: 'drop'; pick: number }
  | { op: 'advance'; ms: number }
  | { op: 'limit'; memoryLimitBytes: number }
  | { op: 'gcThreshold'; gcThresholdBytes: number }
  | { op: 'gc' }
  | { op: 'sweep' };

const configArb: fc.Arbitrary<StationsConfig> = fc
  .record({
    smallSize: fc.integer({ min: 1, max: 32 }),
    smallCount: fc.integer({ min: 0, max: 6 }),
    mediumExtra: fc.integer({ min: 0, max: 96 }),
    mediumCount: fc.integer({ min: 0, max: 4 }),
    heapSize: fc.integer({ min: 1, max: 512 }),
    headerSize: fc.integer({ min: 0, max: 8 }),
    alignment: fc.constantFrom(-1, 1, 2, 4, 8),
    policy: fc.constantFrom(...FIT_POLICIES),
    listOrder: fc.constantFrom(...LIST_ORDERS),
    coalesce: fc.boolean(),
    memoryLimitBytes: fc.integer({ min: 0, max: 1200 }),
    gcThresholdBytes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 800 })),
    // Times in steps of 100 ms, so that a block is often idle for exactly staleAfterMs at a sweep.
    staleAfterMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }).map((k) => k * 100)),
    staleSweepEveryMs: fc.integer({ min: 0, max: 20 }).map((k) => k * 100),
  })
  .map((r) => ({
    pools: {
      small: { blockSize: r.smallSize, blockCount: r.smallCount },
      medium: { blockSize: r.smallSize + r.mediumExtra, blockCount: r.mediumCount },
    },
    heap: { heapSize: r.heapSize, headerSize: r.headerSize, alignment: r.alignment, policy: r.policy, listOrder: r.listOrder, coalesce: r.coalesce },
    memoryLimitBytes: r.memoryLimitBytes,
    gcThresholdBytes: r.gcThresholdBytes,
    staleAfterMs: r.staleAfterMs,
    staleSweepEveryMs: r.staleSweepEveryMs,
  }));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('alloc' as const), size: fc.integer({ min: 1, max: 300 }), owner: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('free' as const), pick: fc.nat(40), isRaw: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('touch' as const), pick: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), pick: fc.nat(40) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 30 }).map((k) => k * 100) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('limit' as const), memoryLimitBytes: fc.integer({ min: 0, max: 1200 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('gcThreshold' as const), gcThresholdBytes: fc.integer({ min: 0, max: 800 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('gc' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('sweep' as const) }) },
);

function heapCost(size: number, c: StationsConfig): number {
  const a = c.heap.alignment;
  return (a === -1 ? size : Math.ceil(size / a) * a) + c.heap.headerSize;
}

function runScenario(config: StationsConfig, ops: Op[]): void {
  const ctx = createTestContext();
  const mem = new KitchenMemory(config, ctx);
  const live = new Map<number, ModelBlock>();
  const issued = new Set<number>();
  /** How often each blockId left (freed or reclaimed), from the log. */
  const departures = new Map<number, number>();
  let limit = config.memoryLimitBytes;
  let threshold = config.gcThresholdBytes;
  let logIndex = 0;
  const poolUsed = { small: 0, medium: 0 };
  const used = () => {
    let s = 0;
    for (const b of live.values()) s += b.size;
    return s;
  };
  const liveIds = () => [...live.keys()].sort((a, b) => a - b);
  const pickLive = (n: number) => {
    const ids = liveIds();
    return ids.length > 0 ? ids[n % ids.length] : n;
  };
  const depart = (blockId: number) => {
    const b = live.get(blockId);
    expect(b, `block ${blockId} left but was not live`).toBeDefined();
    live.delete(blockId);
    if (b && b.poolClass && !b.isHeap) poolUsed[b.poolClass as 'small' | 'medium']--;
    departures.set(blockId, (departures.get(blockId) ?? 0) + 1);
  };
  /** Applies reclaim events logged since the last look; returns the new events. */
  const newEvents = (): SimEvent[] => {
    const events = ctx.log.events.slice(logIndex);
    logIndex = ctx.log.length;
    for (const e of events) {
      if (e.type !== 'memory.reclaimed') continue;
      const b = live.get(e.blockId) as ModelBlock;
      expect(b).toBeDefined();
      expect([e.size, e.owner, e.idleMs]).toEqual([b.size, b.owner, e.atMs - b.lastUsedAtMs]);
      if (e.reason === 'gc') expect(b.isUnreachable).toBe(true);
      else expect(config.staleAfterMs > 0 && e.idleMs >= config.staleAfterMs).toBe(true);
      depart(e.blockId);
    }
    return events;
  };

  for (const op of ops) {
    const usedBefore = used();
    const nowMs = ctx.scheduler.nowMs;
    switch (op.op) {
      case 'alloc': {
        const owner = `owner ${op.owner}`;
        const cls: StationClass = op.size <= config.pools.small.blockSize ? 'small' : op.size <= config.pools.medium.blockSize ? 'medium' : 'large';
        let route: 'small' | 'medium' | 'heap' | 'fail' = 'heap';
        if (cls === 'small') route = poolUsed.small < config.pools.small.blockCount ? 'small' : 'fail';
        else if (cls === 'medium' && poolUsed.medium < config.pools.medium.blockCount) route = 'medium';
        const cost = route === 'small' ? config.pools.small.blockSize : route === 'medium' ? config.pools.medium.blockSize : heapCost(op.size, config);
        const id = mem.allocate(op.size, owner);
        const events = ctx.log.events.slice(logIndex);
        if (route === 'fail') {
          expect(id).toBe(0);
          expect(events).toEqual([{ atMs: nowMs, type: 'pool.exhausted', poolClass: 'small', size: op.size, owner, action: 'failed' }]);
        } else if (usedBefore + cost > limit) {
          expect(id).toBe(0);
          expect(events.at(-1)).toEqual({ atMs: nowMs, type: 'memory.limitExceeded', requested: cost, used: usedBefore, limit, owner });
        } else if (id === 0) {
          expect(route).toBe('heap');
          expect(events.at(-1)?.type).toBe('heap.oom');
        } else {
          expect(issued.has(id)).toBe(false);
          expect(id).toBeGreaterThan(0);
          issued.add(id);
          if (route !== 'heap') poolUsed[route]++;
          live.set(id, { size: cost, requested: op.size, owner, lastUsedAtMs: nowMs, isUnreachable: false, isHeap: route === 'heap', poolClass: route === 'heap' ? null : route });
          expect(usedBefore + cost).toBeLessThanOrEqual(limit);
        }
        const hadGc = newEvents().some((e) => e.type === 'gc.ran');
        const crossed = id !== 0 && threshold > 0 && usedBefore <= threshold && usedBefore + cost > threshold;
        expect(hadGc).toBe(crossed);
        if (hadGc) expect([...live.values()].some((b) => b.isUnreachable)).toBe(false);
        break;
      }
      case 'free': {
        const blockId = op.isRaw ? op.pick : pickLive(op.pick);
        const isLive = live.has(blockId);
        expect(mem.free(blockId, 'caller')).toBe(isLive);
        const last = ctx.log.events.at(-1);
        if (isLive) depart(blockId);
        else expect(last).toEqual({ atMs: nowMs, type: 'memory.freeRefused', blockId, reason: issued.has(blockId) ? 'doubleFree' : 'unknownPointer', owner: 'caller' });
        newEvents();
        break;
      }
      case 'touch': {
        const blockId = pickLive(op.pick);
        expect(mem.touch(blockId)).toBe(live.has(blockId));
        const b = live.get(blockId);
        if (b) b.lastUsedAtMs = nowMs;
        break;
      }
      case 'drop': {
        const blockId = pickLive(op.pick);
        expect(mem.markUnreachable(blockId)).toBe(live.has(blockId));
        const b = live.get(blockId);
        if (b) b.isUnreachable = true;
        break;
      }
      case 'advance':
        ctx.scheduler.runUntil(nowMs + op.ms);
        // Only the stale sweep acts on its own (newEvents checks each reclaimed block was idle long enough).
        for (const e of newEvents()) if (e.type === 'memory.reclaimed') expect(e.reason).toBe('stale');
        if (config.staleAfterMs > 0 && config.staleSweepEveryMs > 0) {
          // A block idle for staleAfterMs + one sweep period has met a sweep while stale.
          const now = ctx.scheduler.nowMs;
          const overdue = [...live.values()].filter((b) => now - b.lastUsedAtMs >= config.staleAfterMs + config.staleSweepEveryMs);
          expect(overdue).toEqual([]);
        }
        break;
      case 'limit':
        expect(mem.setLimits({ memoryLimitBytes: op.memoryLimitBytes })).toBeNull();
        limit = op.memoryLimitBytes;
        newEvents();
        break;
      case 'gcThreshold':
        expect(mem.setLimits({ gcThresholdBytes: op.gcThresholdBytes })).toBeNull();
        threshold = op.gcThresholdBytes;
        newEvents();
        break;
      case 'gc': {
        const unreachable = [...live].filter(([, b]) => b.isUnreachable).map(([id]) => id);
        expect(mem.collectGarbage()).toBe(unreachable.length);
        newEvents();
        expect(unreachable.every((id) => !live.has(id))).toBe(true);
        break;
      }
      case 'sweep': {
        const stale = config.staleAfterMs > 0 ? [...live].filter(([, b]) => nowMs - b.lastUsedAtMs >= config.staleAfterMs).map(([id]) => id) : [];
        expect(mem.sweepStale()).toBe(stale.length);
        newEvents();
        expect(stale.every((id) => !live.has(id))).toBe(true);
        break;
      }
    }

    // Invariants after every step, in one comparison.
    const g = mem.gauges();
    const m = mem.metrics();
    const blocks = mem.blocks();
    const usedNow = used();
    const sizes = blocks.map((b) => b.requested);
    const n = sizes.length;
    const mean = n > 0 ? sizes.reduce((s, x) => s + x, 0) / n : 0;
    const sd = n > 0 ? Math.sqrt(sizes.reduce((s, x) => s + (x - mean) * (x - mean), 0) / n) : 0;
    expect(Math.abs(m.sizeDispersionPercent - (n > 0 ? (sd / mean) * 100 : 0))).toBeLessThan(1e-6);
    expect({
      // Used bytes only grow while they stay within the limit (a lowered limit may leave them above it).
      isWithinLimit: usedNow <= usedBefore || usedNow <= limit,
      usedBytes: g.usedBytes,
      sumOfBlocks: blocks.reduce((s, b) => s + b.size, 0),
      byStation: g.pools.small.used * g.pools.small.blockSize + g.pools.medium.used * g.pools.medium.blockSize + g.heap.usedBytes,
      heapTotal: g.heap.usedBytes + g.heap.freeBytes,
      smallInPool: g.pools.small.used <= g.pools.small.total,
      mediumInPool: g.pools.medium.used <= g.pools.medium.total,
      poolUsed: [g.pools.small.used, g.pools.medium.used],
      ids: blocks.map((b) => b.blockId),
      states: blocks.map((b) => b.state),
      blockCount: g.blockCount,
      countsAddUp: m.allocations.small + m.allocations.medium + m.allocations.large - m.frees - m.reclaimedStale - m.reclaimedGc,
      departedOnce: [...departures.values()].every((k) => k === 1),
      peak: m.peakUsedBytes >= usedNow,
    }).toEqual({
      isWithinLimit: true,
      usedBytes: usedNow,
      sumOfBlocks: usedNow,
      byStation: usedNow,
      heapTotal: config.heap.heapSize,
      smallInPool: true,
      mediumInPool: true,
      poolUsed: [poolUsed.small, poolUsed.medium],
      ids: liveIds(),
      states: liveIds().map((id) => ((live.get(id) as ModelBlock).isUnreachable ? 'unreachable' : 'allocated')),
      blockCount: live.size,
      countsAddUp: live.size,
      departedOnce: true,
      peak: true,
    });
  }

  // At the end, every live block is reported as a leak, once, ascending.
  const leaks = mem.reportLeaks();
  expect(leaks.map((b) => b.blockId)).toEqual(liveIds());
  expect(ctx.log.events.slice(logIndex).map((e) => (e.type === 'memory.leaked' ? e.blockId : -1))).toEqual(liveIds());
}

describe('KitchenMemory properties', () => {
  it('random configs and operations keep the accounting, the limit, the pools and the block ids consistent', () => {
    fc.assert(
      fc.property(configArb, fc.array(opArb, { maxLength: 60 }), (config, ops) => runScenario(config, ops)),
      { numRuns: 1000 },
    );
  });
});
