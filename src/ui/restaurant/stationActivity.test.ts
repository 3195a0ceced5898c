import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { freshness, stationActivity } from './stationActivity.ts';

const search: SimEvent = { atMs: 5, type: 'heap.searched', probes: [[1000, 64], [2000, 900], [4000, 4096]], need: 1040, policy: 'FIRST', owner: 'ticket 7' };

describe('stationActivity', () => {
  test('stationActivity() is empty without memory facts', () => {
    expect(stationActivity([{ atMs: 0, type: 'party.arrived', partyId: 1, size: 2 }], 1)).toEqual({
      search: null,
      coalesce: null,
      fallback: null,
      failure: null,
      cleanup: null,
    });
  });

  test('stationActivity() reads the last search with its probes, the chunk chosen and the split', () => {
    const recent: SimEvent[] = [
      { atMs: 5, type: 'pool.exhausted', poolClass: 'medium', size: 1030, owner: 'ticket 7', action: 'heapFallback' },
      search,
      { atMs: 5, type: 'heap.split', addr: 4000, need: 1040, remainderAddr: 5040, remainderSize: 3056 },
      { atMs: 5, type: 'heap.allocated', blockId: 9, addr: 4000, size: 1040, requested: 1030, searched: 3, owner: 'ticket 7' },
      { atMs: 6, type: 'party.arrived', partyId: 3, size: 2 },
    ];
    const a = stationActivity(recent, 105);
    expect(a.search).toEqual({
      logIndex: 101,
      atMs: 5,
      age: 3,
      owner: 'ticket 7',
      need: 1040,
      policy: 'FIRST',
      probes: [
        { addr: 1000, size: 64, order: 1, isChosen: false },
        { addr: 2000, size: 900, order: 2, isChosen: false },
        { addr: 4000, size: 4096, order: 3, isChosen: true },
      ],
      chosenAddr: 4000,
      split: { addr: 4000, remainderAddr: 5040, remainderSize: 3056 },
      isFallback: true,
    });
    expect(a.fallback).toEqual({ logIndex: 100, atMs: 5, age: 4, owner: 'ticket 7', size: 1030 });
  });

  test('stationActivity() reports an OOM search with no chunk chosen, and the OOM as the failure', () => {
    const recent: SimEvent[] = [search, { atMs: 5, type: 'heap.oom', requested: 1030, need: 1040, searched: 3, largestFree: 900, owner: 'ticket 7' }];
    const a = stationActivity(recent, 2);
    expect(a.search?.chosenAddr).toBeNull();
    expect(a.search?.isFallback).toBe(false);
    expect(a.search?.probes.some((p) => p.isChosen)).toBe(false);
    expect(a.failure).toEqual({ logIndex: 1, atMs: 5, age: 0, kind: 'heapOom', owner: 'ticket 7', requested: 1030, need: 1040, largestFree: 900 });
  });

  test('stationActivity() keeps the newest failure of every kind', () => {
    const recent: SimEvent[] = [
      { atMs: 1, type: 'memory.limitExceeded', requested: 1024, used: 40_000, limit: 40_960, owner: 'ticket 2' },
      { atMs: 2, type: 'pool.exhausted', poolClass: 'small', size: 40, owner: 'ticket 3', action: 'failed' },
    ];
    expect(stationActivity(recent, 2).failure).toEqual({ logIndex: 1, atMs: 2, age: 0, kind: 'poolExhausted', owner: 'ticket 3', requested: 40, poolClass: 'small' });
    expect(stationActivity(recent.slice(0, 1), 1).failure).toEqual({
      logIndex: 0,
      atMs: 1,
      age: 0,
      kind: 'limitExceeded',
      owner: 'ticket 2',
      requested: 1024,
      used: 40_000,
      limit: 40_960,
    });
  });

  test('stationActivity() reads the last coalescing and the last clean-up', () => {
    const recent: SimEvent[] = [
      { atMs: 1, type: 'gc.ran', usedBefore: 33_000, threshold: 32_768, collectedCount: 2, freedBytes: 2048 },
      { atMs: 2, type: 'heap.coalesced', addr: 1000, size: 3000, mergedCount: 3 },
      { atMs: 3, type: 'memory.reclaimed', blockId: 4, size: 64, owner: 'ticket 4', reason: 'stale', idleMs: 600_000 },
      { atMs: 3, type: 'memory.reclaimed', blockId: 5, size: 1024, owner: 'ticket 5', reason: 'stale', idleMs: 610_000 },
    ];
    const a = stationActivity(recent, 10);
    expect(a.coalesce).toEqual({ logIndex: 7, atMs: 2, age: 2, addr: 1000, size: 3000, mergedCount: 3 });
    expect(a.cleanup).toEqual({ logIndex: 9, atMs: 3, age: 0, kind: 'stale', reclaimedCount: 2, freedBytes: 1088 });
    expect(stationActivity(recent.slice(0, 2), 2).cleanup).toEqual({
      logIndex: 0,
      atMs: 1,
      age: 1,
      kind: 'gc',
      collectedCount: 2,
      freedBytes: 2048,
      usedBefore: 33_000,
      threshold: 32_768,
    });
  });

  test('freshness() stays full for a third of the window, then fades to 0', () => {
    expect([0, 8, 12, 16, 23, 24, -1].map((age) => freshness(age, 24))).toEqual([1, 1, 0.75, 0.5, 0.06, 0, 0]);
  });
});
