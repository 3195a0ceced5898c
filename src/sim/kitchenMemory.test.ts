import { describe, expect, it } from 'vitest';
import { KitchenMemory, validateStationsConfig, type StationsConfig } from './kitchenMemory.ts';
import { createTestContext } from './testing/testContext.ts';

/** Two prep counters of 16 B, one cooking station of 64 B, a 256 B banquet area at 1000 (header 4, align 4). */
const BASE: StationsConfig = {
  pools: { small: { blockSize: 16, blockCount: 2 }, medium: { blockSize: 64, blockCount: 1 } },
  heap: { heapSize: 256, headerSize: 4, alignment: 4, policy: 'FIRST', listOrder: 'ADDRSORT', coalesce: true },
  memoryLimitBytes: 1024,
  gcThresholdBytes: 0,
  staleAfterMs: 0,
  staleSweepEveryMs: 0,
};

function setup(overrides: Partial<StationsConfig> = {}) {
  const ctx = createTestContext();
  const mem = new KitchenMemory({ ...BASE, ...overrides }, ctx);
  return { mem, log: ctx.log, scheduler: ctx.scheduler, advanceTo: (atMs: number) => ctx.scheduler.runUntil(atMs) };
}

describe('KitchenMemory constructor', () => {
  it('starts empty', () => {
    const { mem, log } = setup();
    expect(log.length).toBe(0);
    expect(mem.gauges()).toEqual({
      usedBytes: 0,
      limitBytes: 1024,
      pools: { small: { used: 0, total: 2, blockSize: 16 }, medium: { used: 0, total: 1, blockSize: 64 } },
      heap: { usedBytes: 0, freeBytes: 256, largestFree: 256, fragmentCount: 1, externalFragmentation: 0 },
      blockCount: 0,
    });
    expect(mem.heapFreeList()).toEqual([{ addr: 1000, size: 256 }]);
  });

  it('rejects an invalid configuration, naming the field', () => {
    expect(() => setup({ pools: { small: { blockSize: 0, blockCount: 1 }, medium: BASE.pools.medium } })).toThrow(/pools\.small\.blockSize/);
    expect(() => setup({ pools: { small: { blockSize: 65, blockCount: 1 }, medium: BASE.pools.medium } })).toThrow(/pools\.medium\.blockSize/);
    expect(() => setup({ heap: { ...BASE.heap, alignment: 0 } })).toThrow(/heap\.alignment/);
    expect(() => setup({ memoryLimitBytes: -1 })).toThrow(RangeError);
    expect(validateStationsConfig({ ...BASE, staleAfterMs: 1.5 })).toBe('staleAfterMs: expected a whole number >= 0, got 1.5');
    expect(validateStationsConfig(BASE)).toBeNull();
  });

  it('allocate() rejects sizes that are not whole numbers >= 1', () => {
    const { mem } = setup();
    expect(() => mem.allocate(0, 'a')).toThrow(RangeError);
    expect(() => mem.allocate(2.5, 'a')).toThrow(RangeError);
  });
});

describe('KitchenMemory.allocate() routing', () => {
  it('a small request fails when the small pool is exhausted (no heap fallback)', () => {
    const { mem, log } = setup();
    expect(mem.allocate(10, 'a')).toBe(1);
    expect(mem.allocate(16, 'b')).toBe(2);
    expect(mem.allocate(1, 'c')).toBe(0);
    expect(mem.free(1, 'a')).toBe(true);
    expect(mem.allocate(3, 'd')).toBe(3);
    expect(log.events).toEqual([
      { atMs: 0, type: 'pool.allocated', poolClass: 'small', blockIndex: 0, blockId: 1, size: 10, owner: 'a' },
      { atMs: 0, type: 'pool.allocated', poolClass: 'small', blockIndex: 1, blockId: 2, size: 16, owner: 'b' },
      { atMs: 0, type: 'pool.exhausted', poolClass: 'small', size: 1, owner: 'c', action: 'failed' },
      { atMs: 0, type: 'pool.freed', poolClass: 'small', blockIndex: 0, blockId: 1, owner: 'a' },
      { atMs: 0, type: 'pool.allocated', poolClass: 'small', blockIndex: 0, blockId: 3, size: 3, owner: 'd' },
    ]);
    const m = mem.metrics();
    expect([m.allocations, m.failures, m.oomCount, m.frees]).toEqual([
      { small: 3, medium: 0, large: 0 },
      { poolExhausted: 1, limitExceeded: 0, heapOom: 0 },
      1,
      1,
    ]);
    // Pool blocks count their whole block size, not the request.
    expect(mem.usedBytes).toBe(32);
  });

  it('a medium request falls back to the heap when the medium pool is exhausted', () => {
    const { mem, log } = setup();
    expect(mem.allocate(40, 'a')).toBe(1);
    expect(mem.allocate(50, 'b')).toBe(2);
    expect(log.events).toEqual([
      { atMs: 0, type: 'pool.allocated', poolClass: 'medium', blockIndex: 0, blockId: 1, size: 40, owner: 'a' },
      { atMs: 0, type: 'pool.exhausted', poolClass: 'medium', size: 50, owner: 'b', action: 'heapFallback' },
      { atMs: 0, type: 'heap.searched', probes: [[1000, 256]], need: 56, policy: 'FIRST', owner: 'b' },
      { atMs: 0, type: 'heap.split', addr: 1000, need: 56, remainderAddr: 1056, remainderSize: 200 },
      { atMs: 0, type: 'heap.allocated', blockId: 2, addr: 1000, size: 56, requested: 50, searched: 1, owner: 'b' },
    ]);
    expect(mem.block(2)).toEqual({
      blockId: 2,
      sizeClass: 'medium',
      isHeap: true,
      poolIndex: null,
      addr: 1000,
      requested: 50,
      size: 56,
      owner: 'b',
      allocatedAtMs: 0,
      lastUsedAtMs: 0,
      state: 'allocated',
    });
    expect(mem.metrics().heapFallbacks).toBe(1);
    expect(mem.metrics().allocations).toEqual({ small: 0, medium: 2, large: 0 });
    expect(mem.gauges().usedBytes).toBe(64 + 56);
    expect(mem.gauges().heap.usedBytes).toBe(56);
  });

  it('a large request goes to the heap: probes, split, out of memory, and coalescing on free', () => {
    const { mem, log } = setup({ heap: { ...BASE.heap, policy: 'BEST' } });
    const a = mem.allocate(100, 'a'); // need 104 at 1000
    const b = mem.allocate(68, 'b'); // need 72 at 1104
    const c = mem.allocate(65, 'c'); // need 68 + 4 = 72 at 1176, leaving 8 at 1248
    expect([a, b, c]).toEqual([1, 2, 3]);
    mem.free(a, 'a');
    expect(mem.heapFreeList()).toEqual([
      { addr: 1000, size: 104 },
      { addr: 1248, size: 8 },
    ]);
    const start = log.length;
    expect(mem.allocate(80, 'd')).toBe(4); // BEST scans both chunks
    expect(mem.allocate(200, 'e')).toBe(0); // 204 needed, 20 + 8 free
    expect(mem.free(c, 'c')).toBe(true);
    expect(mem.free(b, 'b')).toBe(true);
    expect(mem.free(4, 'd')).toBe(true);
    expect(log.events.slice(start)).toEqual([
      { atMs: 0, type: 'heap.searched', probes: [[1000, 104], [1248, 8]], need: 84, policy: 'BEST', owner: 'd' },
      { atMs: 0, type: 'heap.split', addr: 1000, need: 84, remainderAddr: 1084, remainderSize: 20 },
      { atMs: 0, type: 'heap.allocated', blockId: 4, addr: 1000, size: 84, requested: 80, searched: 2, owner: 'd' },
      { atMs: 0, type: 'heap.searched', probes: [[1084, 20], [1248, 8]], need: 204, policy: 'BEST', owner: 'e' },
      { atMs: 0, type: 'heap.oom', requested: 200, need: 204, searched: 2, largestFree: 20, owner: 'e' },
      { atMs: 0, type: 'heap.freed', blockId: 3, addr: 1176, size: 72, owner: 'c' },
      { atMs: 0, type: 'heap.coalesced', addr: 1176, size: 80, mergedCount: 2 },
      { atMs: 0, type: 'heap.freed', blockId: 2, addr: 1104, size: 72, owner: 'b' },
      { atMs: 0, type: 'heap.coalesced', addr: 1084, size: 172, mergedCount: 3 },
      { atMs: 0, type: 'heap.freed', blockId: 4, addr: 1000, size: 84, owner: 'd' },
      { atMs: 0, type: 'heap.coalesced', addr: 1000, size: 256, mergedCount: 2 },
    ]);
    const m = mem.metrics();
    expect([m.allocations, m.failures, m.oomCount, m.peakUsedBytes]).toEqual([
      { small: 0, medium: 0, large: 4 },
      { poolExhausted: 0, limitExceeded: 0, heapOom: 1 },
      1,
      104 + 72 + 72,
    ]);
    expect(mem.gauges().heap).toEqual({ usedBytes: 0, freeBytes: 256, largestFree: 256, fragmentCount: 1, externalFragmentation: 0 });
  });
});

describe('KitchenMemory memory limit', () => {
  it('refuses an allocation that would pass memoryLimitBytes, whatever station would serve it', () => {
    const { mem, log } = setup({ memoryLimitBytes: 100, pools: { small: { blockSize: 16, blockCount: 4 }, medium: { blockSize: 64, blockCount: 1 } } });
    expect(mem.allocate(1, 'a')).toBe(1); // 16
    expect(mem.allocate(60, 'b')).toBe(2); // 16 + 64 = 80
    expect(mem.allocate(1, 'c')).toBe(3); // 96
    expect(mem.allocate(1, 'd')).toBe(0); // 96 + 16 > 100
    expect(mem.allocate(40, 'e')).toBe(0); // medium pool exhausted, heap block of 44
    expect(mem.allocate(100, 'f')).toBe(0); // heap block of 104
    expect(log.events.slice(3)).toEqual([
      { atMs: 0, type: 'memory.limitExceeded', requested: 16, used: 96, limit: 100, owner: 'd' },
      { atMs: 0, type: 'pool.exhausted', poolClass: 'medium', size: 40, owner: 'e', action: 'heapFallback' },
      { atMs: 0, type: 'memory.limitExceeded', requested: 44, used: 96, limit: 100, owner: 'e' },
      { atMs: 0, type: 'memory.limitExceeded', requested: 104, used: 96, limit: 100, owner: 'f' },
    ]);
    expect(mem.metrics().failures).toEqual({ poolExhausted: 0, limitExceeded: 3, heapOom: 0 });
    expect(mem.metrics().heapFallbacks).toBe(0);
    expect(mem.gauges().heap.usedBytes).toBe(0);
  });

  it('setLimits() raises and lowers the limit, logging limit.changed; lowering keeps what is in use', () => {
    const { mem, log } = setup({ memoryLimitBytes: 16 });
    expect(mem.allocate(1, 'a')).toBe(1);
    expect(mem.allocate(1, 'b')).toBe(0);
    expect(mem.setLimits({ memoryLimitBytes: 32 })).toBeNull();
    expect(mem.allocate(1, 'b')).toBe(2);
    expect(mem.setLimits({ memoryLimitBytes: 8 })).toBeNull();
    expect(mem.gauges()).toMatchObject({ usedBytes: 32, limitBytes: 8, blockCount: 2 });
    expect(mem.free(1, 'a')).toBe(true);
    expect(mem.allocate(1, 'c')).toBe(0);
    expect(log.ofType('limit.changed')).toEqual([
      { atMs: 0, type: 'limit.changed', kind: 'memory', field: 'memoryLimitBytes', from: 16, to: 32 },
      { atMs: 0, type: 'limit.changed', kind: 'memory', field: 'memoryLimitBytes', from: 32, to: 8 },
    ]);
  });

  it('setLimits() refuses invalid values and changes to the pools or heap, changing nothing', () => {
    const { mem, log } = setup();
    expect(mem.setLimits({ gcThresholdBytes: -5 })).toBe('gcThresholdBytes: expected a whole number >= 0, got -5');
    expect(mem.setLimits({ heap: { ...BASE.heap, heapSize: 512 } })).toBe('heap: fixed at construction');
    expect(mem.setLimits({ pools: { ...BASE.pools, small: { blockSize: 16, blockCount: 9 } } })).toBe('pools: fixed at construction');
    // The whole configuration back, unchanged, is fine.
    expect(mem.setLimits({ ...BASE })).toBeNull();
    expect(log.length).toBe(0);
  });
});

describe('KitchenMemory.free() refusals', () => {
  it('refuses a double free and an unknown pointer, changing nothing', () => {
    const { mem, log } = setup();
    expect(mem.allocate(1, 'a')).toBe(1);
    expect(mem.allocate(100, 'b')).toBe(2);
    expect(mem.free(1, 'a')).toBe(true);
    expect(mem.free(1, 'a')).toBe(false);
    expect(mem.free(2, 'b')).toBe(true);
    expect(mem.free(2, 'b')).toBe(false);
    expect(mem.free(99, 'x')).toBe(false);
    expect(mem.free(0, 'y')).toBe(false);
    expect(log.events.slice(4)).toEqual([
      { atMs: 0, type: 'pool.freed', poolClass: 'small', blockIndex: 0, blockId: 1, owner: 'a' },
      { atMs: 0, type: 'memory.freeRefused', blockId: 1, reason: 'doubleFree', owner: 'a' },
      { atMs: 0, type: 'heap.freed', blockId: 2, addr: 1000, size: 104, owner: 'b' },
      { atMs: 0, type: 'heap.coalesced', addr: 1000, size: 256, mergedCount: 2 },
      { atMs: 0, type: 'memory.freeRefused', blockId: 2, reason: 'doubleFree', owner: 'b' },
      { atMs: 0, type: 'memory.freeRefused', blockId: 99, reason: 'unknownPointer', owner: 'x' },
      { atMs: 0, type: 'memory.freeRefused', blockId: 0, reason: 'unknownPointer', owner: 'y' },
    ]);
    expect(mem.metrics().freeRefused).toEqual({ doubleFree: 2, unknownPointer: 2 });
    expect(mem.metrics().frees).toBe(2);
    expect(mem.gauges().usedBytes).toBe(0);
  });
});

describe('KitchenMemory garbage collection', () => {
  it('collects only unreachable blocks, when an allocation crosses gcThresholdBytes', () => {
    const { mem, log, advanceTo } = setup({
      gcThresholdBytes: 200,
      pools: { small: { blockSize: 16, blockCount: 4 }, medium: { blockSize: 64, blockCount: 1 } },
    });
    const banquet = mem.allocate(100, 'banquet'); // heap 104
    const prep = mem.allocate(10, 'prep'); // 16 -> 120
    expect(mem.markUnreachable(banquet)).toBe(true);
    advanceTo(1000);
    expect(mem.allocate(60, 'stove')).toBe(3); // 64 -> 184
    advanceTo(2000);
    expect(mem.allocate(1, 'late')).toBe(4); // 16 -> 200: at the threshold, not above it
    expect(log.count('gc.ran')).toBe(0);
    const start = log.length;
    expect(mem.allocate(1, 'x')).toBe(5); // 216: crosses
    expect(log.events.slice(start)).toEqual([
      { atMs: 2000, type: 'pool.allocated', poolClass: 'small', blockIndex: 2, blockId: 5, size: 1, owner: 'x' },
      { atMs: 2000, type: 'memory.reclaimed', blockId: 1, size: 104, owner: 'banquet', reason: 'gc', idleMs: 2000 },
      { atMs: 2000, type: 'heap.coalesced', addr: 1000, size: 256, mergedCount: 2 },
      { atMs: 2000, type: 'gc.ran', usedBefore: 216, threshold: 200, collectedCount: 1, freedBytes: 104 },
    ]);
    // The idle but reachable blocks stayed.
    expect(mem.blocks().map((b) => [b.blockId, b.state])).toEqual([
      [prep, 'allocated'],
      [3, 'allocated'],
      [4, 'allocated'],
      [5, 'allocated'],
    ]);
    expect(mem.usedBytes).toBe(112);
    // A reclaimed block cannot be freed again by its former owner.
    expect(mem.free(banquet, 'banquet')).toBe(false);
    expect(log.events.at(-1)).toEqual({ atMs: 2000, type: 'memory.freeRefused', blockId: 1, reason: 'doubleFree', owner: 'banquet' });
    expect(mem.metrics()).toMatchObject({ gcRuns: 1, reclaimedGc: 1, reclaimedStale: 0, reclaimedBytes: 104 });
  });

  it('runs again only on the next crossing, even when it collected nothing', () => {
    const { mem, log } = setup({
      gcThresholdBytes: 20,
      pools: { small: { blockSize: 16, blockCount: 8 }, medium: { blockSize: 64, blockCount: 1 } },
    });
    mem.allocate(1, 'a'); // 16
    mem.allocate(1, 'b'); // 32: crosses, nothing unreachable
    mem.allocate(1, 'c'); // 48: stays above, no run
    mem.markUnreachable(2);
    mem.markUnreachable(3);
    mem.free(1, 'a'); // 32
    mem.allocate(1, 'd'); // 48: no crossing
    expect(log.ofType('gc.ran')).toEqual([{ atMs: 0, type: 'gc.ran', usedBefore: 32, threshold: 20, collectedCount: 0, freedBytes: 0 }]);
    mem.free(4, 'd'); // 32
    mem.free(3, 'c'); // 16 (an unreachable block may still be freed)
    mem.allocate(1, 'e'); // 32: crosses again
    expect(log.ofType('gc.ran').at(-1)).toEqual({ atMs: 0, type: 'gc.ran', usedBefore: 32, threshold: 20, collectedCount: 1, freedBytes: 16 });
    expect(log.ofType('memory.reclaimed').map((e) => e.blockId)).toEqual([2]);
    expect(mem.metrics().gcRuns).toBe(2);
  });

  it('never runs with gcThresholdBytes 0', () => {
    const { mem, log } = setup();
    mem.allocate(1, 'a');
    mem.markUnreachable(1);
    mem.allocate(100, 'b');
    expect(log.count('gc.ran')).toBe(0);
    expect(mem.block(1)?.state).toBe('unreachable');
  });
});

describe('KitchenMemory stale sweep', () => {
  it('reclaims blocks untouched for staleAfterMs at each sweep; the owner\u2019s later free is a double free', () => {
    const { mem, log, advanceTo, scheduler } = setup({ staleAfterMs: 300_000, staleSweepEveryMs: 60_000 });
    expect(scheduler.pendingTimers()).toEqual([{ atMs: 60_000, seq: 0, kind: 'kitchen.staleSweep', ref: 1 }]);
    const a = mem.allocate(1, 'a');
    const b = mem.allocate(2, 'b');
    advanceTo(100_000);
    expect(mem.touch(b)).toBe(true);
    advanceTo(250_000);
    const c = mem.allocate(100, 'c');
    const start = log.length;
    advanceTo(700_000);
    expect(mem.free(a, 'a')).toBe(false);
    expect(log.events.slice(start)).toEqual([
      // Sweeps run at 60 000, 120 000, ...; a (idle since 0) is stale at 300 000, exactly staleAfterMs.
      { atMs: 300_000, type: 'memory.reclaimed', blockId: a, size: 16, owner: 'a', reason: 'stale', idleMs: 300_000 },
      // b was touched at 100 000: stale from 400 000, found by the sweep at 420 000.
      { atMs: 420_000, type: 'memory.reclaimed', blockId: b, size: 16, owner: 'b', reason: 'stale', idleMs: 320_000 },
      // c, allocated at 250 000, is stale from 550 000: the sweep at 600 000 takes it and the heap coalesces.
      { atMs: 600_000, type: 'memory.reclaimed', blockId: c, size: 104, owner: 'c', reason: 'stale', idleMs: 350_000 },
      { atMs: 600_000, type: 'heap.coalesced', addr: 1000, size: 256, mergedCount: 2 },
      { atMs: 700_000, type: 'memory.freeRefused', blockId: a, reason: 'doubleFree', owner: 'a' },
    ]);
    expect(mem.metrics()).toMatchObject({ reclaimedStale: 3, reclaimedGc: 0, reclaimedBytes: 136, freeRefused: { doubleFree: 1, unknownPointer: 0 } });
    expect(mem.usedBytes).toBe(0);
  });

  it('setLimits() restarts the sweep period from now and can turn the sweep off', () => {
    const { mem, log, advanceTo } = setup({ staleAfterMs: 50_000, staleSweepEveryMs: 60_000 });
    mem.allocate(1, 'a');
    advanceTo(55_000);
    expect(mem.setLimits({ staleSweepEveryMs: 10_000 })).toBeNull();
    advanceTo(64_000);
    expect(log.ofType('memory.reclaimed')).toEqual([]);
    advanceTo(65_000); // the old 60 000 timer was ignored; the new period runs from 55 000
    expect(log.ofType('memory.reclaimed')).toEqual([{ atMs: 65_000, type: 'memory.reclaimed', blockId: 1, size: 16, owner: 'a', reason: 'stale', idleMs: 65_000 }]);
    mem.allocate(1, 'b');
    expect(mem.setLimits({ staleAfterMs: 0 })).toBeNull();
    advanceTo(1_000_000);
    expect(log.count('memory.reclaimed')).toBe(1);
    expect(mem.blocks().map((x) => x.owner)).toEqual(['b']);
    expect(log.ofType('limit.changed').map((e) => [e.field, e.from, e.to])).toEqual([
      ['staleSweepEveryMs', 60_000, 10_000],
      ['staleAfterMs', 50_000, 0],
    ]);
  });

  it('touch() and markUnreachable() return false for blocks that are not live', () => {
    const { mem } = setup();
    expect(mem.touch(1)).toBe(false);
    expect(mem.markUnreachable(1)).toBe(false);
  });
});

describe('KitchenMemory.reportLeaks()', () => {
  it('logs every live block with its owner and allocation time, and returns them', () => {
    const { mem, log, advanceTo } = setup();
    const a = mem.allocate(1, 'ticket 1');
    advanceTo(5_000);
    const b = mem.allocate(100, 'ticket 2');
    advanceTo(6_000);
    const c = mem.allocate(40, 'ticket 3');
    mem.markUnreachable(c);
    mem.free(a, 'ticket 1');
    advanceTo(9_000);
    const start = log.length;
    const leaks = mem.reportLeaks();
    expect(log.events.slice(start)).toEqual([
      { atMs: 9_000, type: 'memory.leaked', blockId: b, size: 104, owner: 'ticket 2', allocatedAtMs: 5_000 },
      { atMs: 9_000, type: 'memory.leaked', blockId: c, size: 64, owner: 'ticket 3', allocatedAtMs: 6_000 },
    ]);
    expect(leaks.map((l) => [l.blockId, l.owner, l.allocatedAtMs, l.state])).toEqual([
      [b, 'ticket 2', 5_000, 'allocated'],
      [c, 'ticket 3', 6_000, 'unreachable'],
    ]);
    expect(mem.metrics().leaked).toBe(2);
  });
});

describe('KitchenMemory fragmentation figures', () => {
  it('a fragmenting sequence: external fragmentation, size dispersion, and an OOM with enough bytes free', () => {
    const { mem, log } = setup({
      pools: { small: { blockSize: 8, blockCount: 4 }, medium: { blockSize: 16, blockCount: 4 } },
      heap: { heapSize: 400, headerSize: 0, alignment: -1, policy: 'FIRST', listOrder: 'ADDRSORT', coalesce: true },
    });
    const a = mem.allocate(100, 'a'); // 1000..1099
    const b = mem.allocate(20, 'b'); // 1100..1119
    const c = mem.allocate(100, 'c'); // 1120..1219
    mem.allocate(60, 'd'); // 1220..1279, leaving 1280..1399
    // Sizes 100, 20, 100, 60: mean 70, sd sqrt(1100) = 33.17: CV = sqrt(4 * 24000 - 280^2) / 280 = 47.38 %.
    expect(mem.metrics().sizeDispersionPercent).toBe((Math.sqrt(4 * 24000 - 280 * 280) / 280) * 100);
    expect(mem.metrics().sizeDispersionPercent).toBeCloseTo((Math.sqrt(1100) / 70) * 100, 12);
    mem.free(a, 'a');
    mem.free(c, 'c');
    expect(mem.heapFreeList()).toEqual([
      { addr: 1000, size: 100 },
      { addr: 1120, size: 100 },
      { addr: 1280, size: 120 },
    ]);
    expect(mem.gauges().heap).toEqual({ usedBytes: 80, freeBytes: 320, largestFree: 120, fragmentCount: 3, externalFragmentation: 0.625 });
    // Live sizes 20 and 60: mean 40, sd 20.
    expect(mem.metrics()).toMatchObject({ externalFragmentation: 0.625, sizeDispersionPercent: 50 });
    // 320 bytes are free, but no single chunk holds 150.
    expect(mem.allocate(150, 'e')).toBe(0);
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'heap.oom', requested: 150, need: 150, searched: 3, largestFree: 120, owner: 'e' });
    // Freeing b joins the first two holes and the block between them.
    mem.free(b, 'b');
    expect(log.events.at(-1)).toEqual({ atMs: 0, type: 'heap.coalesced', addr: 1000, size: 220, mergedCount: 3 });
    expect(mem.gauges().heap).toEqual({ usedBytes: 60, freeBytes: 340, largestFree: 220, fragmentCount: 2, externalFragmentation: 1 - 220 / 340 });
    // One live block: no dispersion.
    expect(mem.metrics().sizeDispersionPercent).toBe(0);
    expect(mem.allocate(150, 'e')).toBe(5);
  });

  it('sizeDispersionPercent counts requested sizes of pool blocks too, and is 0 with no live blocks', () => {
    const { mem } = setup();
    expect(mem.metrics().sizeDispersionPercent).toBe(0);
    mem.allocate(2, 'a');
    mem.allocate(6, 'b');
    // Mean 4, sd 2.
    expect(mem.metrics().sizeDispersionPercent).toBe(50);
  });
});
