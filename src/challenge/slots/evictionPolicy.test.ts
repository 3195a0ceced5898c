import { describe, expect, it } from 'vitest';
import { ContractError } from './codeSlot.ts';
import { dishKey, evictionDefaults, evictionPolicy, orderTrace, type ShelfDish } from './evictionPolicy.ts';
import { runSlot } from './testing/slotTesting.ts';

const lru = (dishes: ShelfDish[]) => dishes.reduce((a, b) => (b.lastUsedAtMs < a.lastUsedAtMs ? b : a)).key;
const fifo = (dishes: ShelfDish[]) => dishes[0].key;
const mru = (dishes: ShelfDish[]) => dishes.reduce((a, b) => (b.lastUsedAtMs > a.lastUsedAtMs ? b : a)).key;

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('evictionPolicy.run()', () => {
  it('gives LRU a higher hit ratio than FIFO, and FIFO than MRU (seed 1)', () => {
    expect(runSlot(evictionPolicy, lru, 1)).toEqual({
      metrics: { hits: 1806, misses: 1194, evictions: 1186, hitRatio: 0.602, lruAgreementRatio: 1 },
      eventCounts: { 'cache.hit': 1806, 'cache.miss': 1194, 'cache.evicted': 1186 },
      calls: 1186,
    });
    expect(runSlot(evictionPolicy, fifo, 1)).toEqual({
      metrics: { hits: 1613, misses: 1387, evictions: 1379, hitRatio: 1613 / 3000, lruAgreementRatio: 902 / 1379 },
      eventCounts: { 'cache.hit': 1613, 'cache.miss': 1387, 'cache.evicted': 1379 },
      calls: 1379,
    });
    expect(runSlot(evictionPolicy, mru, 1)).toEqual({
      metrics: { hits: 814, misses: 2186, evictions: 2178, hitRatio: 814 / 3000, lruAgreementRatio: 0 },
      eventCounts: { 'cache.hit': 814, 'cache.miss': 2186, 'cache.evicted': 2178 },
      calls: 2178,
    });
  });

  it('keeps the same order on seed 2', () => {
    expect(runSlot(evictionPolicy, lru, 2).metrics.hitRatio).toBe(1759 / 3000);
    expect(runSlot(evictionPolicy, fifo, 2).metrics.hitRatio).toBe(1564 / 3000);
    expect(runSlot(evictionPolicy, mru, 2).metrics.hitRatio).toBe(841 / 3000);
  });

  it('calls chooseVictim only on a miss with a full shelf, with the shelf in placement order', () => {
    const seen: ShelfDish[][] = [];
    const run = runSlot(evictionPolicy, (dishes: ShelfDish[]) => (seen.push(dishes), dishes[0].key), 1, { capacity: 2, menu: 3, requests: 10 });
    expect(run.metrics).toEqual({ hits: 7, misses: 3, evictions: 1, hitRatio: 0.7, lruAgreementRatio: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0].map((d) => d.key)).toEqual(seen[0].slice().sort((a, b) => a.addedAtMs - b.addedAtMs).map((d) => d.key));
    expect(Object.keys(seen[0][0]).sort()).toEqual(['addedAtMs', 'bytes', 'key', 'lastUsedAtMs', 'uses']);
  });

  it('reports lruAgreementRatio 1 when nothing was evicted', () => {
    const run = runSlot(evictionPolicy, fifo, 1, { capacity: 40, menu: 40, requests: 100 });
    expect(run.metrics.evictions).toBe(0);
    expect(run.metrics.lruAgreementRatio).toBe(1);
  });

  it('is deterministic: the same seed gives the same SlotRun, another seed another', () => {
    expect(runSlot(evictionPolicy, lru, 3)).toEqual(runSlot(evictionPolicy, lru, 3));
    expect(runSlot(evictionPolicy, lru, 4)).not.toEqual(runSlot(evictionPolicy, lru, 3));
    expect(orderTrace(5, evictionDefaults)).toEqual(orderTrace(5, evictionDefaults));
  });

  it('names dishes, then numbers them past the list', () => {
    expect(dishKey(0)).toBe('soup');
    expect(dishKey(100)).toBe('dish-101');
  });
});

describe('evictionPolicy contract errors', () => {
  const onShelf = 'borscht, falafel, ceviche, soup, tabbouleh, stroganoff, pho, polenta';

  it('rejects a key that is not on the shelf', () => {
    const e = errorOf(() => runSlot(evictionPolicy, () => 'pizza', 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(`chooseVictim returned "pizza", which is not on the shelf (on the shelf: ${onShelf})`);
  });

  it('rejects a number, nothing, or the dish object instead of its key', () => {
    expect(errorOf(() => runSlot(evictionPolicy, () => 3, 1)).message).toBe(
      `chooseVictim returned 3, expected the key (a string) of a dish on the shelf (on the shelf: ${onShelf})`,
    );
    expect(errorOf(() => runSlot(evictionPolicy, () => undefined, 1)).message).toBe(
      `chooseVictim returned undefined, expected the key (a string) of a dish on the shelf (on the shelf: ${onShelf})`,
    );
    const e = errorOf(() => runSlot(evictionPolicy, (d: ShelfDish[]) => d[0], 1));
    expect(e).toBeInstanceOf(ContractError);
    expect(e.message).toBe(
      `chooseVictim returned {"key":"borscht","bytes":918,"addedAtMs":1518,"lastUsedAtMs…, expected the key (a string) of a dish on the shelf (on the shelf: ${onShelf})`,
    );
  });

  it('lets the learner code error pass through untouched', () => {
    const boom = new Error('boom');
    expect(errorOf(() => evictionPolicy.run({ seed: 1, params: {}, call: () => { throw boom; } }))).toBe(boom);
  });

  it('rejects unknown or non-numeric params (a challenge mistake, not a ContractError)', () => {
    const e = errorOf(() => runSlot(evictionPolicy, fifo, 1, { capacty: 3 }));
    expect(e).not.toBeInstanceOf(ContractError);
    expect(e.message).toBe('evictionPolicy: unknown param "capacty" (known: capacity, menu, requests, phaseRequests, meanGapMs)');
    expect(errorOf(() => runSlot(evictionPolicy, fifo, 1, { capacity: NaN })).message).toBe(
      'evictionPolicy: param "capacity" must be a finite number, not NaN',
    );
  });
});
