import { describe, expect, it } from 'vitest';
import type { SimEvent } from './events.ts';
import { KitchenMemory, type StationsConfig } from './kitchenMemory.ts';
import type { ShelfConfig } from './scenario.ts';
import { createTestContext } from './testing/testContext.ts';
import { WarmingShelf } from './warmingShelf.ts';

/** Four prep counters of 64 B and two cooking stations of 1 KiB; no collector, no sweep unless asked. */
const STATIONS: StationsConfig = {
  pools: { small: { blockSize: 64, blockCount: 4 }, medium: { blockSize: 1024, blockCount: 2 } },
  heap: { heapSize: 4096, headerSize: 8, alignment: 8, policy: 'FIRST', listOrder: 'ADDRSORT', coalesce: true },
  memoryLimitBytes: 65_536,
  gcThresholdBytes: 0,
  staleAfterMs: 0,
  staleSweepEveryMs: 0,
};

/**
 * A shelf (with kitchen memory behind it when `stations` is given). `serve` does what the kitchen does for
 * one ticket: look the dish up and, on a miss, store it once cooked. `lines` gives the log as short strings.
 */
function setUp(config: Partial<ShelfConfig>, stations?: Partial<StationsConfig>) {
  const ctx = createTestContext();
  const memory = stations ? new KitchenMemory({ ...STATIONS, ...stations }, ctx) : undefined;
  const shelf = new WarmingShelf({ policy: 'LRU', maxEntries: 0, maxBytes: 0, maxEntryBytes: 0, ...config }, ctx, memory);
  const at = (ms: number) => ctx.scheduler.runUntil(ms);
  const serve = (atMs: number, key: string, bytes: number) => {
    at(atMs);
    if (!shelf.lookup(key)) shelf.store(key, bytes);
  };
  return { ctx, shelf, memory, at, serve, log: ctx.log, lines: () => ctx.log.events.map(line) };
}

/** One cache event as a short line carrying every field, for exact comparisons. */
function line(e: SimEvent): string {
  switch (e.type) {
    case 'cache.hit':
      return `${e.atMs} hit ${e.key} (${e.size} B)`;
    case 'cache.miss':
      return `${e.atMs} miss ${e.key}`;
    case 'cache.stored':
      return `${e.atMs} stored ${e.key} (${e.size} B): ${e.entryCount} dishes, ${e.bytesUsed} B`;
    case 'cache.evicted':
      return `${e.atMs} evicted ${e.key} (${e.size} B) ${e.reason} by ${e.policy}`;
    case 'cache.refused':
      return `${e.atMs} refused ${e.key} (${e.size} B) ${e.reason}, limit ${e.limit}`;
    default:
      return `${e.atMs} ${e.type}`;
  }
}

describe('WarmingShelf, a new shelf', () => {
  it('gauges() and metrics() start at zero, with the limits of the policy', () => {
    const { shelf, log } = setUp({ policy: 'LRU', maxEntries: 8, maxBytes: 16_384 });
    expect(shelf.gauges()).toEqual({ entryCount: 0, bytesUsed: 0, maxEntries: 8, maxBytes: 16_384, hitRatio: 0 });
    expect(shelf.metrics()).toEqual({
      lookups: 0,
      hits: 0,
      misses: 0,
      hitRatio: 0,
      stored: 0,
      evicted: { evict: 0, set: 0, delete: 0, stale: 0 },
      refused: { tooBig: 0, noMemory: 0 },
      peakEntries: 0,
      peakBytes: 0,
    });
    expect(shelf.dishes()).toEqual([]);
    expect(shelf.referenceStream()).toEqual([]);
    expect(log.length).toBe(0);
  });

  it('gauges() reports maxBytes only for LRU and maxEntries 0 for UNBOUNDED', () => {
    expect(setUp({ policy: 'FIFO', maxEntries: 3, maxBytes: 9_999 }).shelf.gauges()).toMatchObject({ maxEntries: 3, maxBytes: 0 });
    expect(setUp({ policy: 'UNBOUNDED', maxEntries: 3, maxBytes: 9_999 }).shelf.gauges()).toMatchObject({ maxEntries: 0, maxBytes: 0 });
  });
});

describe('WarmingShelf LRU', () => {
  it('lookup() then store() on a shelf bounded by count evicts the least recently used dish', () => {
    const { shelf, serve, lines } = setUp({ policy: 'LRU', maxEntries: 2 });
    serve(0, 'soup', 100);
    serve(10, 'pie', 200);
    serve(20, 'soup', 100); // a hit: soup becomes the most recently used, pie the least
    serve(30, 'tart', 300);
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 hit soup (100 B)',
      '30 miss tart',
      '30 evicted pie (200 B) evict by LRU',
      '30 stored tart (300 B): 2 dishes, 400 B',
    ]);
    expect(shelf.dishes()).toEqual([{ key: 'tart', bytes: 300 }, { key: 'soup', bytes: 100 }]);
    expect(shelf.gauges()).toEqual({ entryCount: 2, bytesUsed: 400, maxEntries: 2, maxBytes: 0, hitRatio: 0.25 });
  });

  it('store() of a dish already on the shelf changes nothing (another ticket of it got there first)', () => {
    const { shelf, lines } = setUp({ policy: 'LRU', maxEntries: 2 });
    shelf.store('soup', 100);
    shelf.store('soup', 100);
    expect(lines()).toEqual(['0 stored soup (100 B): 1 dishes, 100 B']);
    expect(shelf.metrics()).toMatchObject({ stored: 1, peakEntries: 1, peakBytes: 100 });
  });

  it('store() on a size-bounded shelf lets one big dish evict several small ones, least recently used first', () => {
    const { shelf, serve, lines } = setUp({ policy: 'LRU', maxEntries: 0, maxBytes: 1_000 });
    serve(0, 'soup', 200);
    serve(10, 'pie', 300);
    serve(20, 'tart', 250);
    serve(30, 'soup', 200); // recency, least first: pie, tart, soup
    serve(40, 'stew', 600); // 750 + 600 > 1000: pie goes (450 left), tart goes (200 left), 200 + 600 fits
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (200 B): 1 dishes, 200 B',
      '10 miss pie',
      '10 stored pie (300 B): 2 dishes, 500 B',
      '20 miss tart',
      '20 stored tart (250 B): 3 dishes, 750 B',
      '30 hit soup (200 B)',
      '40 miss stew',
      '40 evicted pie (300 B) evict by LRU',
      '40 evicted tart (250 B) evict by LRU',
      '40 stored stew (600 B): 2 dishes, 800 B',
    ]);
    expect(shelf.dishes()).toEqual([{ key: 'stew', bytes: 600 }, { key: 'soup', bytes: 200 }]);
    expect(shelf.gauges()).toEqual({ entryCount: 2, bytesUsed: 800, maxEntries: 0, maxBytes: 1_000, hitRatio: 0.2 });
    expect(shelf.metrics()).toEqual({
      lookups: 5,
      hits: 1,
      misses: 4,
      hitRatio: 0.2,
      stored: 4,
      evicted: { evict: 2, set: 0, delete: 0, stale: 0 },
      refused: { tooBig: 0, noMemory: 0 },
      // Peaks are taken after the evictions of each store.
      peakEntries: 3,
      peakBytes: 800,
    });
  });

  it('store() refuses a dish bigger than maxEntryBytes (tooBig) and keeps one of exactly that size', () => {
    const { shelf, serve, lines } = setUp({ policy: 'LRU', maxEntries: 0, maxBytes: 1_000, maxEntryBytes: 400 });
    serve(0, 'roast', 401);
    serve(10, 'roast', 401); // refused dishes are not on the shelf: a miss again
    serve(20, 'pie', 400);
    expect(lines()).toEqual([
      '0 miss roast',
      '0 refused roast (401 B) tooBig, limit 400',
      '10 miss roast',
      '10 refused roast (401 B) tooBig, limit 400',
      '20 miss pie',
      '20 stored pie (400 B): 1 dishes, 400 B',
    ]);
    expect(shelf.metrics()).toMatchObject({ stored: 1, refused: { tooBig: 2, noMemory: 0 }, evicted: { evict: 0, set: 0, delete: 0, stale: 0 } });
  });

  it('store() without maxEntryBytes refuses above maxBytes, and a dish of exactly maxBytes evicts everything else', () => {
    const { shelf, serve, lines } = setUp({ policy: 'LRU', maxEntries: 0, maxBytes: 1_000 });
    serve(0, 'soup', 300);
    serve(10, 'pie', 300);
    serve(20, 'banquet', 1_001);
    serve(30, 'feast', 1_000);
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (300 B): 1 dishes, 300 B',
      '10 miss pie',
      '10 stored pie (300 B): 2 dishes, 600 B',
      '20 miss banquet',
      '20 refused banquet (1001 B) tooBig, limit 1000',
      '30 miss feast',
      '30 evicted soup (300 B) evict by LRU',
      '30 evicted pie (300 B) evict by LRU',
      '30 stored feast (1000 B): 1 dishes, 1000 B',
    ]);
    expect(shelf.dishes()).toEqual([{ key: 'feast', bytes: 1_000 }]);
  });
});

describe('WarmingShelf FIFO vs LRU', () => {
  /** The same six tickets on a two-dish shelf: soup, pie, soup again, tart, soup again, pie again. */
  function run(policy: 'FIFO' | 'LRU') {
    const s = setUp({ policy, maxEntries: 2 });
    s.serve(0, 'soup', 100);
    s.serve(10, 'pie', 200);
    s.serve(20, 'soup', 100);
    s.serve(30, 'tart', 300);
    s.serve(40, 'soup', 100);
    s.serve(50, 'pie', 200);
    return s;
  }

  it('LRU: the hit on soup at 20 protects it, so tart evicts pie and soup is still there at 40', () => {
    const { shelf, lines } = run('LRU');
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 hit soup (100 B)',
      '30 miss tart',
      '30 evicted pie (200 B) evict by LRU',
      '30 stored tart (300 B): 2 dishes, 400 B',
      '40 hit soup (100 B)',
      '50 miss pie',
      '50 evicted tart (300 B) evict by LRU',
      '50 stored pie (200 B): 2 dishes, 300 B',
    ]);
    expect(shelf.metrics()).toMatchObject({ lookups: 6, hits: 2, misses: 4, stored: 4, evicted: { evict: 2, set: 0, delete: 0, stale: 0 } });
  });

  it('FIFO: the hit on soup changes nothing, so tart evicts soup (first in) and every later ticket misses', () => {
    const { shelf, lines } = run('FIFO');
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 hit soup (100 B)',
      '30 miss tart',
      '30 evicted soup (100 B) evict by FIFO',
      '30 stored tart (300 B): 2 dishes, 500 B',
      '40 miss soup',
      '40 evicted pie (200 B) evict by FIFO',
      '40 stored soup (100 B): 2 dishes, 400 B',
      '50 miss pie',
      '50 evicted tart (300 B) evict by FIFO',
      '50 stored pie (200 B): 2 dishes, 300 B',
    ]);
    expect(shelf.metrics()).toMatchObject({ lookups: 6, hits: 1, misses: 5, stored: 5, evicted: { evict: 3, set: 0, delete: 0, stale: 0 } });
    expect(shelf.dishes()).toEqual([{ key: 'soup', bytes: 100 }, { key: 'pie', bytes: 200 }]);
  });
});

describe('WarmingShelf CLOCK (second chance) and MRU', () => {
  /** Three dishes fill a three-dish shelf, stew pushes one out, pie is hit, then bread needs room. */
  function run(policy: 'CLOCK' | 'FIFO') {
    const s = setUp({ policy, maxEntries: 3 });
    s.serve(0, 'soup', 100);
    s.serve(10, 'pie', 200);
    s.serve(20, 'tart', 300);
    s.serve(30, 'stew', 400);
    s.serve(40, 'pie', 200);
    s.serve(50, 'bread', 50);
    return s;
  }

  it('CLOCK: the hit on pie sets its bit, so the hand passes it and evicts tart, stored after it', () => {
    const { shelf, lines } = run('CLOCK');
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 miss tart',
      '20 stored tart (300 B): 3 dishes, 600 B',
      '30 miss stew',
      // Every bit is set (new dishes start referenced): the hand clears all three and comes back to soup.
      '30 evicted soup (100 B) evict by CLOCK',
      '30 stored stew (400 B): 3 dishes, 900 B',
      '40 hit pie (200 B)',
      '50 miss bread',
      // The hand is on pie (frame 1): its bit was set again at 40, so it is cleared and tart (bit 0) goes.
      '50 evicted tart (300 B) evict by CLOCK',
      '50 stored bread (50 B): 3 dishes, 650 B',
    ]);
    // Frame order: stew took soup's frame 0, bread took tart's frame 2.
    expect(shelf.dishes()).toEqual([{ key: 'stew', bytes: 400 }, { key: 'pie', bytes: 200 }, { key: 'bread', bytes: 50 }]);
  });

  it('FIFO on the same tickets evicts pie for bread, hit or not', () => {
    const { shelf, log } = run('FIFO');
    expect(log.ofType('cache.evicted').map((e) => `${e.atMs} ${e.key}`)).toEqual(['30 soup', '50 pie']);
    expect(shelf.dishes().map((d) => d.key)).toEqual(['tart', 'stew', 'bread']);
  });

  it('MRU: store() evicts the most recently used dish, which a hit can make any dish', () => {
    const { shelf, serve, lines } = setUp({ policy: 'MRU', maxEntries: 2 });
    serve(0, 'soup', 100);
    serve(10, 'pie', 200);
    serve(20, 'tart', 300); // pie was used last
    serve(30, 'soup', 100); // now soup is the most recently used
    serve(40, 'stew', 400);
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 miss tart',
      '20 evicted pie (200 B) evict by MRU',
      '20 stored tart (300 B): 2 dishes, 400 B',
      '30 hit soup (100 B)',
      '40 miss stew',
      '40 evicted soup (100 B) evict by MRU',
      '40 stored stew (400 B): 2 dishes, 700 B',
    ]);
    expect(shelf.dishes()).toEqual([{ key: 'tart', bytes: 300 }, { key: 'stew', bytes: 400 }]);
  });
});

describe('WarmingShelf UNBOUNDED', () => {
  it('store() never evicts and never refuses for size, whatever the limits say', () => {
    const { shelf, serve, lines } = setUp({ policy: 'UNBOUNDED', maxEntries: 2, maxBytes: 100, maxEntryBytes: 50 });
    serve(0, 'soup', 100);
    serve(10, 'pie', 200);
    serve(20, 'tart', 300);
    serve(30, 'feast', 1_000_000);
    serve(40, 'soup', 100);
    expect(lines()).toEqual([
      '0 miss soup',
      '0 stored soup (100 B): 1 dishes, 100 B',
      '10 miss pie',
      '10 stored pie (200 B): 2 dishes, 300 B',
      '20 miss tart',
      '20 stored tart (300 B): 3 dishes, 600 B',
      '30 miss feast',
      '30 stored feast (1000000 B): 4 dishes, 1000600 B',
      '40 hit soup (100 B)',
    ]);
    expect(shelf.dishes().map((d) => d.key)).toEqual(['soup', 'pie', 'tart', 'feast']);
    expect(shelf.gauges()).toEqual({ entryCount: 4, bytesUsed: 1_000_600, maxEntries: 0, maxBytes: 0, hitRatio: 0.2 });
    expect(shelf.metrics()).toMatchObject({ stored: 4, peakEntries: 4, peakBytes: 1_000_600, evicted: { evict: 0, set: 0, delete: 0, stale: 0 }, refused: { tooBig: 0, noMemory: 0 } });
  });
});

describe('WarmingShelf with kitchen memory', () => {
  it('store() takes a block owned by "shelf <dish>" for each dish, and an eviction frees it', () => {
    const { serve, log, memory } = setUp({ policy: 'LRU', maxEntries: 2 }, {});
    serve(0, 'soup', 50);
    serve(10, 'pie', 500);
    serve(20, 'tart', 40);
    expect(log.events).toEqual([
      { atMs: 0, type: 'cache.miss', key: 'soup' },
      { atMs: 0, type: 'pool.allocated', poolClass: 'small', blockIndex: 0, blockId: 1, size: 50, owner: 'shelf soup' },
      { atMs: 0, type: 'cache.stored', key: 'soup', size: 50, entryCount: 1, bytesUsed: 50 },
      { atMs: 10, type: 'cache.miss', key: 'pie' },
      { atMs: 10, type: 'pool.allocated', poolClass: 'medium', blockIndex: 0, blockId: 2, size: 500, owner: 'shelf pie' },
      { atMs: 10, type: 'cache.stored', key: 'pie', size: 500, entryCount: 2, bytesUsed: 550 },
      { atMs: 20, type: 'cache.miss', key: 'tart' },
      { atMs: 20, type: 'pool.allocated', poolClass: 'small', blockIndex: 1, blockId: 3, size: 40, owner: 'shelf tart' },
      { atMs: 20, type: 'cache.evicted', key: 'soup', size: 50, reason: 'evict', policy: 'LRU' },
      { atMs: 20, type: 'pool.freed', poolClass: 'small', blockIndex: 0, blockId: 1, owner: 'shelf soup' },
      { atMs: 20, type: 'cache.stored', key: 'tart', size: 40, entryCount: 2, bytesUsed: 540 },
    ]);
    expect(memory?.blocks().map((b) => [b.blockId, b.owner, b.state])).toEqual([
      [2, 'shelf pie', 'allocated'],
      [3, 'shelf tart', 'allocated'],
    ]);
    expect(memory?.usedBytes).toBe(1_024 + 64);
  });

  it('store() is refused with noMemory when the kitchen memory limit is reached, and the dish is not kept', () => {
    const { shelf, serve, log, memory } = setUp({ policy: 'UNBOUNDED' }, { memoryLimitBytes: 128 });
    serve(0, 'soup', 50);
    serve(10, 'tart', 40);
    serve(20, 'pie', 30);
    serve(30, 'pie', 30);
    expect(log.events.slice(6)).toEqual([
      { atMs: 20, type: 'cache.miss', key: 'pie' },
      { atMs: 20, type: 'memory.limitExceeded', requested: 64, used: 128, limit: 128, owner: 'shelf pie' },
      { atMs: 20, type: 'cache.refused', key: 'pie', size: 30, reason: 'noMemory', limit: 128 },
      { atMs: 30, type: 'cache.miss', key: 'pie' },
      { atMs: 30, type: 'memory.limitExceeded', requested: 64, used: 128, limit: 128, owner: 'shelf pie' },
      { atMs: 30, type: 'cache.refused', key: 'pie', size: 30, reason: 'noMemory', limit: 128 },
    ]);
    expect(shelf.dishes().map((d) => d.key)).toEqual(['soup', 'tart']);
    expect(shelf.metrics()).toMatchObject({ stored: 2, refused: { tooBig: 0, noMemory: 2 }, misses: 4 });
    expect(memory?.metrics().failures).toEqual({ poolExhausted: 0, limitExceeded: 2, heapOom: 0 });
  });

  it('lookup() finds a dish whose block the stale sweep reclaimed gone (evicted as stale, then a miss), with no double free', () => {
    const { shelf, serve, at, log, memory } = setUp({ policy: 'LRU', maxEntries: 4 }, { staleAfterMs: 1_000, staleSweepEveryMs: 500 });
    serve(0, 'soup', 50);
    serve(600, 'pie', 40);
    const start = log.length;
    at(1_000); // the sweep at 500 finds nothing; the one at 1000 finds soup idle for 1000 ms
    serve(1_000, 'soup', 50);
    serve(1_000, 'pie', 40);
    expect(log.events.slice(start)).toEqual([
      { atMs: 1_000, type: 'memory.reclaimed', blockId: 1, size: 64, owner: 'shelf soup', reason: 'stale', idleMs: 1_000 },
      { atMs: 1_000, type: 'cache.evicted', key: 'soup', size: 50, reason: 'stale', policy: 'LRU' },
      { atMs: 1_000, type: 'cache.miss', key: 'soup' },
      // Cooked again, it gets a new block.
      { atMs: 1_000, type: 'pool.allocated', poolClass: 'small', blockIndex: 0, blockId: 3, size: 50, owner: 'shelf soup' },
      { atMs: 1_000, type: 'cache.stored', key: 'soup', size: 50, entryCount: 2, bytesUsed: 90 },
      { atMs: 1_000, type: 'cache.hit', key: 'pie', size: 40 },
    ]);
    expect(log.count('memory.freeRefused')).toBe(0);
    expect(memory?.metrics().freeRefused).toEqual({ doubleFree: 0, unknownPointer: 0 });
    expect(shelf.metrics().evicted).toEqual({ evict: 0, set: 0, delete: 0, stale: 1 });
    expect(shelf.dishes().map((d) => d.key)).toEqual(['pie', 'soup']);
    expect(shelf.gauges()).toMatchObject({ entryCount: 2, bytesUsed: 90 });
  });

  it('lookup() of a dish stale on a FIFO, CLOCK or MRU shelf takes it out of the policy too: later stores evict per the policy', () => {
    // After soup (0) and pie (600), soup goes stale at 1000 and is cooked again: the policy sees pie, then soup.
    // FIFO and CLOCK then evict pie (first in; CLOCK: both bits set, the hand clears them and comes back to pie)
    // and next soup; MRU evicts the dish stored last each time: soup, then tart.
    const victims = { FIFO: ['pie (40 B)', 'soup (50 B)'], CLOCK: ['pie (40 B)', 'soup (50 B)'], MRU: ['soup (50 B)', 'tart (30 B)'] } as const;
    const after = { FIFO: ['tart', 'stew'], CLOCK: ['tart', 'stew'], MRU: ['pie', 'stew'] } as const;
    // Bytes on the shelf after each of those stores: soup 50 + tart 30 (MRU: pie 40 + tart 30), then tart 30 +
    // stew 20 (MRU: pie 40 + stew 20).
    const bytesAfter = { FIFO: [80, 50], CLOCK: [80, 50], MRU: [70, 60] } as const;
    for (const policy of ['FIFO', 'CLOCK', 'MRU'] as const) {
      const { shelf, serve, at, log } = setUp({ policy, maxEntries: 2 }, { staleAfterMs: 1_000, staleSweepEveryMs: 500 });
      serve(0, 'soup', 50);
      serve(600, 'pie', 40);
      at(1_000);
      const start = log.length;
      serve(1_000, 'soup', 50);
      serve(1_100, 'tart', 30);
      serve(1_200, 'stew', 20);
      const [first, second] = victims[policy];
      const [afterTart, afterStew] = bytesAfter[policy];
      expect(log.events.slice(start).map(line), policy).toEqual([
        `1000 evicted soup (50 B) stale by ${policy}`,
        '1000 miss soup',
        '1000 pool.allocated',
        // The cleaner made room: no eviction.
        '1000 stored soup (50 B): 2 dishes, 90 B',
        '1100 miss tart',
        '1100 pool.allocated',
        `1100 evicted ${first} evict by ${policy}`,
        '1100 pool.freed',
        `1100 stored tart (30 B): 2 dishes, ${afterTart} B`,
        '1200 miss stew',
        '1200 pool.allocated',
        `1200 evicted ${second} evict by ${policy}`,
        '1200 pool.freed',
        `1200 stored stew (20 B): 2 dishes, ${afterStew} B`,
      ]);
      expect(log.count('memory.freeRefused'), policy).toBe(0);
      expect(shelf.dishes().map((d) => d.key), policy).toEqual(after[policy]);
    }
  });
});

describe('WarmingShelf.referenceStream()', () => {
  it('returns every lookup key in order, hits and misses alike, and no stores', () => {
    const { shelf, serve } = setUp({ policy: 'LRU', maxEntries: 2 });
    shelf.store('bread', 10);
    serve(0, 'soup', 100);
    serve(10, 'pie', 200);
    serve(20, 'soup', 100);
    serve(30, 'tart', 300);
    serve(40, 'pie', 200);
    expect(shelf.referenceStream()).toEqual(['soup', 'pie', 'soup', 'tart', 'pie']);
  });
});
