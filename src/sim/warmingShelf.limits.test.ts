import { describe, expect, it } from 'vitest';
import type { SimEvent } from './events.ts';
import { KitchenMemory } from './kitchenMemory.ts';
import type { ShelfConfig } from './scenario.ts';
import { createTestContext } from './testing/testContext.ts';
import { WarmingShelf } from './warmingShelf.ts';

function setUp(config: Partial<ShelfConfig>, withStations = false) {
  const ctx = createTestContext();
  const memory = withStations
    ? new KitchenMemory(
        {
          pools: { small: { blockSize: 64, blockCount: 4 }, medium: { blockSize: 1024, blockCount: 4 } },
          heap: { heapSize: 4096, headerSize: 8, alignment: 8, policy: 'FIRST', listOrder: 'ADDRSORT', coalesce: true },
          memoryLimitBytes: 65_536,
          gcThresholdBytes: 0,
          staleAfterMs: 0,
          staleSweepEveryMs: 0,
        },
        ctx,
      )
    : undefined;
  const shelf = new WarmingShelf({ policy: 'LRU', maxEntries: 0, maxBytes: 0, maxEntryBytes: 0, ...config }, ctx, memory);
  const serve = (key: string, bytes: number) => {
    if (!shelf.lookup(key)) shelf.store(key, bytes);
  };
  /** The log from `from` on, as short lines. */
  const linesFrom = (from: number) => ctx.log.events.slice(from).map(line);
  return { ctx, shelf, memory, serve, linesFrom, at: (ms: number) => ctx.scheduler.runUntil(ms) };
}

function line(e: SimEvent): string {
  switch (e.type) {
    case 'limit.changed':
      return `${e.atMs} limit ${e.kind}.${e.field} ${e.from} -> ${e.to}`;
    case 'cache.evicted':
      return `${e.atMs} evicted ${e.key} (${e.size} B) ${e.reason} by ${e.policy}`;
    case 'cache.stored':
      return `${e.atMs} stored ${e.key}: ${e.entryCount} dishes, ${e.bytesUsed} B`;
    case 'cache.refused':
      return `${e.atMs} refused ${e.key} ${e.reason}, limit ${e.limit}`;
    default:
      return `${e.atMs} ${e.type}`;
  }
}

const keys = (shelf: WarmingShelf) => shelf.dishes().map((d) => d.key);

describe('WarmingShelf.setLimits, LRU', () => {
  it('a smaller maxEntries evicts the least recently used dishes, logged after limit.changed', () => {
    const { shelf, serve, linesFrom, at, ctx } = setUp({ maxEntries: 4 });
    for (const [k, b] of [['a', 100], ['b', 200], ['c', 300], ['d', 400]] as const) serve(k, b);
    serve('a', 100); // a hit: a is now the most recently used
    expect(keys(shelf)).toEqual(['a', 'd', 'c', 'b']);
    at(5_000);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxEntries: 2 })).toBeNull();
    expect(linesFrom(from)).toEqual(['5000 limit shelf.maxEntries 4 -> 2', '5000 evicted b (200 B) evict by LRU', '5000 evicted c (300 B) evict by LRU']);
    expect(keys(shelf)).toEqual(['a', 'd']);
    expect(shelf.gauges()).toEqual({ entryCount: 2, bytesUsed: 500, maxEntries: 2, maxBytes: 0, hitRatio: 0.2 });
    expect(shelf.limits()).toEqual({ maxEntries: 2, maxBytes: 0 });
    // Recency survives the change: the next store evicts d, not a.
    const next = ctx.log.length;
    serve('e', 50);
    expect(linesFrom(next)).toEqual(['5000 cache.miss', '5000 evicted d (400 B) evict by LRU', '5000 stored e: 2 dishes, 150 B']);
    expect(shelf.metrics().evicted).toEqual({ evict: 3, set: 0, delete: 0, stale: 0 });
  });

  it('a smaller maxBytes evicts from the least recently used end until the rest fit together', () => {
    const { shelf, serve, linesFrom, ctx } = setUp({ maxBytes: 1000 });
    for (const [k, b] of [['a', 100], ['b', 200], ['c', 300], ['d', 400]] as const) serve(k, b);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxBytes: 700 })).toBeNull();
    expect(linesFrom(from)).toEqual(['0 limit shelf.maxBytes 1000 -> 700', '0 evicted a (100 B) evict by LRU', '0 evicted b (200 B) evict by LRU']);
    expect(shelf.gauges()).toMatchObject({ entryCount: 2, bytesUsed: 700, maxBytes: 700 });
  });

  it('a larger limit evicts nothing and lets the shelf hold more', () => {
    const { shelf, serve, linesFrom, ctx } = setUp({ maxBytes: 600 });
    for (const [k, b] of [['a', 100], ['b', 200], ['c', 300]] as const) serve(k, b);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxBytes: 1000, maxEntries: 10 })).toBeNull();
    serve('d', 400);
    expect(linesFrom(from)).toEqual([
      '0 limit shelf.maxEntries 0 -> 10',
      '0 limit shelf.maxBytes 600 -> 1000',
      '0 cache.miss',
      '0 stored d: 4 dishes, 1000 B',
    ]);
    expect(keys(shelf)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('a maxBytes below the most recent dish empties the shelf, and the largest dish follows maxBytes', () => {
    const { shelf, serve, linesFrom, ctx } = setUp({ maxBytes: 1000 });
    for (const [k, b] of [['a', 100], ['d', 400]] as const) serve(k, b);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxBytes: 300 })).toBeNull();
    serve('x', 350);
    expect(linesFrom(from)).toEqual([
      '0 limit shelf.maxBytes 1000 -> 300',
      '0 evicted a (100 B) evict by LRU',
      '0 evicted d (400 B) evict by LRU',
      '0 cache.miss',
      '0 refused x tooBig, limit 300',
    ]);
    expect(shelf.gauges()).toMatchObject({ entryCount: 0, bytesUsed: 0 });
  });

  it('starts tracking sizes when an LRU bounded by count gets a byte limit', () => {
    const { shelf, serve } = setUp({ maxEntries: 4 });
    for (const [k, b] of [['a', 100], ['b', 200], ['c', 300]] as const) serve(k, b);
    expect(shelf.setLimits({ maxBytes: 500 })).toBeNull();
    expect(keys(shelf)).toEqual(['c', 'b']);
    serve('d', 250);
    expect(keys(shelf)).toEqual(['d']);
    expect(shelf.gauges()).toMatchObject({ bytesUsed: 250, maxEntries: 4, maxBytes: 500 });
  });

  it('gives the evicted dishes counter space back to the kitchen', () => {
    const { shelf, serve, memory } = setUp({ maxEntries: 3 }, true);
    for (const [k, b] of [['a', 100], ['b', 200], ['c', 300]] as const) serve(k, b);
    expect(memory?.blocks().map((b) => b.owner)).toEqual(['shelf a', 'shelf b', 'shelf c']);
    expect(shelf.setLimits({ maxEntries: 1 })).toBeNull();
    expect(memory?.blocks().map((b) => b.owner)).toEqual(['shelf c']);
    expect(memory?.usedBytes).toBe(1024); // c's 300 B hold one whole 1 KiB cooking station
  });
});

describe('WarmingShelf.setLimits, FIFO, MRU and CLOCK evict by their own rule', () => {
  const fill = (policy: ShelfConfig['policy']) => {
    const s = setUp({ policy, maxEntries: 4 });
    for (const k of ['a', 'b', 'c', 'd']) s.serve(k, 100);
    return s;
  };

  it('FIFO evicts the first in, even when it was just used', () => {
    const { shelf, serve, linesFrom, ctx } = fill('FIFO');
    serve('a', 100);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxEntries: 2 })).toBeNull();
    expect(linesFrom(from)).toEqual(['0 limit shelf.maxEntries 4 -> 2', '0 evicted a (100 B) evict by FIFO', '0 evicted b (100 B) evict by FIFO']);
    expect(keys(shelf)).toEqual(['c', 'd']);
    serve('e', 100);
    expect(keys(shelf)).toEqual(['d', 'e']);
  });

  it('MRU evicts the most recently used first', () => {
    const { shelf, serve, linesFrom, ctx } = fill('MRU');
    serve('b', 100);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxEntries: 2 })).toBeNull();
    expect(linesFrom(from)).toEqual(['0 limit shelf.maxEntries 4 -> 2', '0 evicted b (100 B) evict by MRU', '0 evicted d (100 B) evict by MRU']);
    expect(keys(shelf)).toEqual(['a', 'c']);
    serve('e', 100); // the most recently used is now c
    expect(keys(shelf)).toEqual(['a', 'e']);
  });

  it('CLOCK sweeps its hand: referenced dishes get a second chance', () => {
    const { shelf, serve, linesFrom, ctx } = fill('CLOCK');
    serve('e', 100); // full: the sweep clears every bit and takes a; e sits in frame 0, the hand at frame 1
    serve('c', 100); // c referenced again
    expect(keys(shelf)).toEqual(['e', 'b', 'c', 'd']);
    const from = ctx.log.length;
    expect(shelf.setLimits({ maxEntries: 2 })).toBeNull();
    expect(linesFrom(from)).toEqual(['0 limit shelf.maxEntries 4 -> 2', '0 evicted b (100 B) evict by CLOCK', '0 evicted d (100 B) evict by CLOCK']);
    expect(keys(shelf)).toEqual(['e', 'c']);
    // The hand wrapped to frame 0: e (referenced) gets a second chance, c (cleared on the way) leaves.
    serve('f', 100);
    expect(keys(shelf)).toEqual(['e', 'f']);
  });

  it('growing a FIFO shelf keeps its order and adds room', () => {
    const { shelf, serve } = fill('FIFO');
    expect(shelf.setLimits({ maxEntries: 5 })).toBeNull();
    serve('e', 100);
    serve('f', 100);
    expect(keys(shelf)).toEqual(['b', 'c', 'd', 'e', 'f']);
  });
});

describe('WarmingShelf.setLimits refusals change nothing and log nothing', () => {
  const cases: [Partial<ShelfConfig>, Parameters<WarmingShelf['setLimits']>[0], string][] = [
    [{ policy: 'UNBOUNDED' }, { maxEntries: 4 }, 'the UNBOUNDED shelf has no limit to change (it never evicts)'],
    [{ policy: 'FIFO', maxEntries: 4 }, { maxBytes: 1000 }, 'maxBytes: only an LRU shelf is bounded by bytes (this one is FIFO)'],
    [{ policy: 'FIFO', maxEntries: 4 }, { maxEntries: 0 }, 'maxEntries: expected maxEntries > 0'],
    [{ policy: 'LRU', maxEntries: 4 }, { maxEntries: 0 }, 'maxEntries: expected maxEntries > 0 or maxBytes > 0'],
    [{ policy: 'LRU', maxEntries: 4 }, { maxEntries: 2.5 }, 'maxEntries: expected a whole number from 0 to 1000000, got 2.5'],
    [{ policy: 'LRU', maxEntries: 4 }, { maxBytes: -1 }, 'maxBytes: expected a whole number from 0 to 1099511627776, got -1'],
    [{ policy: 'LRU', maxBytes: 1000, maxEntryBytes: 500 }, { maxBytes: 400 }, 'maxBytes: expected maxEntryBytes <= maxBytes (maxEntryBytes is 500)'],
  ];
  it.each(cases)('%o given %o', (config, changes, message) => {
    const { shelf, serve, ctx } = setUp(config);
    serve('a', 100);
    const before = { limits: shelf.limits(), length: ctx.log.length, dishes: shelf.dishes() };
    expect(shelf.setLimits(changes)).toBe(message);
    expect({ limits: shelf.limits(), length: ctx.log.length, dishes: shelf.dishes() }).toEqual(before);
  });

  it('a change to the same values succeeds and logs nothing', () => {
    const { shelf, ctx } = setUp({ maxEntries: 4 });
    expect(shelf.setLimits({ maxEntries: 4, maxBytes: 0 })).toBeNull();
    expect(ctx.log.length).toBe(0);
  });
});
