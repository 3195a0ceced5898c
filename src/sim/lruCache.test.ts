/**
 * Hand-computed cases for each rule of SEMANTICS.md A.3 (lru-cache v11). Each test lists what it expects
 * after every step: keys most recently used first, and the removals with their reasons, in order.
 */
import { describe, expect, it } from 'vitest';
import { LruCache, type DisposeReason, type LruCacheOptions } from './lruCache.ts';

function shelf(options: Omit<LruCacheOptions<string, string>, 'onDispose'>) {
  const removed: string[] = [];
  const cache = new LruCache<string, string>({
    ...options,
    onDispose: (key: string, value: string, reason: DisposeReason) => removed.push(`${key}=${value}:${reason}`),
  });
  /** Removals since the last call. */
  const drain = (): string[] => removed.splice(0);
  const keys = (): string[] => [...cache.keys()];
  return { cache, drain, keys };
}

describe('LruCache recency', () => {
  it('get() of a present key makes it the most recently used', () => {
    const { cache, keys } = shelf({ max: 3 });
    cache.set('a', 'A').set('b', 'B').set('c', 'C');
    expect(keys()).toEqual(['c', 'b', 'a']);
    expect(cache.get('a')).toBe('A');
    expect(keys()).toEqual(['a', 'c', 'b']);
  });

  it('has(), peek() and a get() miss never change recency', () => {
    const { cache, keys } = shelf({ max: 3 });
    cache.set('a', 'A').set('b', 'B');
    expect(cache.has('a')).toBe(true);
    expect(cache.peek('a')).toBe('A');
    expect(cache.get('zz')).toBeUndefined();
    expect(cache.has('zz')).toBe(false);
    expect(cache.peek('zz')).toBeUndefined();
    expect(keys()).toEqual(['b', 'a']);
  });

  it('entries() lists [key, value] pairs most recently used first', () => {
    const { cache } = shelf({ max: 3 });
    cache.set('a', 'A').set('b', 'B').get('a');
    expect([...cache.entries()]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
  });
});

describe('LruCache.set() of a new key', () => {
  it('evicts the least recently used entry when max entries are held', () => {
    const { cache, drain, keys } = shelf({ max: 2 });
    cache.set('a', 'A').set('b', 'B');
    cache.get('a');
    cache.set('c', 'C');
    expect(drain()).toEqual(['b=B:evict']);
    expect(keys()).toEqual(['c', 'a']);
    expect(cache.size).toBe(2);
  });

  it('evicts several LRU entries for one large entry (size eviction)', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 3 }).set('b', 'B', { size: 3 }).set('c', 'C', { size: 3 });
    expect(cache.calculatedSize).toBe(9);
    // 9 + 7 > 10: evict a (6 + 7 > 10), evict b (3 + 7 = 10 fits).
    cache.set('d', 'D', { size: 7 });
    expect(drain()).toEqual(['a=A:evict', 'b=B:evict']);
    expect(keys()).toEqual(['d', 'c']);
    expect(cache.calculatedSize).toBe(10);
  });

  it('does the count eviction before the size eviction', () => {
    const { cache, drain, keys } = shelf({ max: 3, maxSize: 10 });
    cache.set('a', 'A', { size: 4 }).set('b', 'B', { size: 1 }).set('c', 'C', { size: 4 });
    // Full by count: a goes first (count). Then 5 + 5 = 10 fits, so nothing else goes.
    cache.set('d', 'D', { size: 5 });
    expect(drain()).toEqual(['a=A:evict']);
    expect(keys()).toEqual(['d', 'c', 'b']);
    expect(cache.calculatedSize).toBe(10);
    // Full by count again: b goes (count); then 9 + 2 > 10, so c goes too (size).
    cache.set('e', 'E', { size: 2 });
    expect(drain()).toEqual(['b=B:evict', 'c=C:evict']);
    expect(keys()).toEqual(['e', 'd']);
    expect(cache.calculatedSize).toBe(7);
  });

  it('accepts an entry of exactly maxSize, evicting everything else', () => {
    const { cache, drain, keys } = shelf({ max: 5, maxSize: 6 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 2 }).set('c', 'C', { size: 1 });
    cache.set('big', 'BIG', { size: 6 });
    expect(drain()).toEqual(['a=A:evict', 'b=B:evict', 'c=C:evict']);
    expect(keys()).toEqual(['big']);
    expect(cache.calculatedSize).toBe(6);
  });

  it('sizes by value length with sizeCalculation "valueLength"; an explicit positive size overrides it', () => {
    const { cache } = shelf({ maxSize: 20, sizeCalculation: 'valueLength' });
    cache.set('soup', 'tomato');
    cache.set('pie', 'apple', { size: 2 });
    cache.set('tart', 'lemon', { size: 0 }); // 0 is "no size": the calculation is used
    expect([cache.sizeOf('soup'), cache.sizeOf('pie'), cache.sizeOf('tart')]).toEqual([6, 2, 5]);
    expect(cache.calculatedSize).toBe(13);
  });

  it('sizes with a sizeCalculation function (value, key)', () => {
    const { cache } = shelf({ maxSize: 20, sizeCalculation: (value, key) => value.length + key.length });
    cache.set('ab', 'ABC');
    expect(cache.calculatedSize).toBe(5);
  });

  it('tracks sizes with maxEntrySize alone, without a total limit', () => {
    const { cache, drain, keys } = shelf({ max: 3, maxEntrySize: 4 });
    cache.set('a', 'A', { size: 3 }).set('b', 'B', { size: 4 }).set('c', 'C', { size: 5 });
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['b', 'a']);
    expect(cache.calculatedSize).toBe(7);
  });
});

describe('LruCache.set() of an existing key', () => {
  it('with a different value: moves it to MRU, disposes the old value (set), takes the new size', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 2 });
    cache.set('a', 'A2', { size: 5 });
    expect(drain()).toEqual(['a=A:set']);
    expect(keys()).toEqual(['a', 'b']);
    expect(cache.peek('a')).toBe('A2');
    expect(cache.calculatedSize).toBe(7);
  });

  it('with a different, larger value: evicts LRU entries but never the entry being set', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 3 }).set('c', 'C', { size: 3 });
    // a moves to MRU; old value disposed; 6 + 9 > 10: b goes; 3 + 9 > 10: c goes; 0 + 9 fits.
    cache.set('a', 'A2', { size: 9 });
    expect(drain()).toEqual(['a=A:set', 'b=B:evict', 'c=C:evict']);
    expect(keys()).toEqual(['a']);
    expect(cache.calculatedSize).toBe(9);
  });

  it('with an identical value: only refreshes recency, disposes nothing, keeps the old size', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 3 });
    cache.set('a', 'A', { size: 8 });
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['a', 'b']);
    expect(cache.sizeOf('a')).toBe(2);
    expect(cache.calculatedSize).toBe(5);
  });

  it('with an identical value under a count limit: evicts nothing', () => {
    const { cache, drain, keys } = shelf({ max: 2 });
    cache.set('a', 'A').set('b', 'B').set('a', 'A');
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['a', 'b']);
  });
});

describe('LruCache.set() of an oversize entry', () => {
  it('stores nothing and evicts nothing for a new key', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 5 });
    cache.set('huge', 'H', { size: 11 });
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['a']);
    expect(cache.calculatedSize).toBe(5);
  });

  it('deletes an existing entry for the key, with reason set', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 5 }).set('b', 'B', { size: 1 });
    cache.set('a', 'A2', { size: 11 });
    expect(drain()).toEqual(['a=A:set']);
    expect(keys()).toEqual(['b']);
    expect(cache.calculatedSize).toBe(1);
  });

  it('deletes the existing entry even when the value is identical', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 5 });
    cache.set('a', 'A', { size: 11 });
    expect(drain()).toEqual(['a=A:set']);
    expect(keys()).toEqual([]);
  });

  it('measures against maxEntrySize when it is below maxSize', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10, maxEntrySize: 4 });
    cache.set('a', 'A', { size: 4 });
    cache.set('b', 'B', { size: 5 });
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['a']);
  });
});

describe('LruCache.set() size errors', () => {
  it('throws TypeError without a size when maxSize is set, leaving the cache unchanged', () => {
    const { cache, drain, keys } = shelf({ max: 3, maxSize: 10 });
    cache.set('a', 'A', { size: 2 });
    expect(() => cache.set('b', 'B')).toThrow(
      new TypeError('invalid size value (must be positive integer). When maxSize or maxEntrySize is used, sizeCalculation or size must be set.'),
    );
    expect(() => cache.set('a', 'A2', { size: 1.5 })).toThrow(TypeError);
    expect(() => cache.set('a', 'A2', { size: -1 })).toThrow(TypeError);
    expect(drain()).toEqual([]);
    expect(keys()).toEqual(['a']);
    expect(cache.peek('a')).toBe('A');
    expect(cache.calculatedSize).toBe(2);
  });

  it('throws TypeError without a size when only maxEntrySize is set', () => {
    const { cache } = shelf({ max: 3, maxEntrySize: 4 });
    expect(() => cache.set('a', 'A')).toThrow(TypeError);
    expect(cache.size).toBe(0);
  });

  it('throws TypeError when sizeCalculation gives no positive integer (an empty string)', () => {
    const { cache } = shelf({ maxSize: 10, sizeCalculation: 'valueLength' });
    expect(() => cache.set('a', '')).toThrow(new TypeError('sizeCalculation return invalid (expect positive integer)'));
    expect(cache.size).toBe(0);
  });

  it('uses sizeCalculation when the explicit size is not a positive integer', () => {
    const { cache } = shelf({ maxSize: 10, sizeCalculation: 'valueLength' });
    cache.set('a', 'AAA', { size: -2 });
    expect(cache.sizeOf('a')).toBe(3);
  });

  it('throws TypeError for a non-zero size when sizes are not tracked; size 0 is allowed', () => {
    const { cache } = shelf({ max: 3 });
    expect(() => cache.set('a', 'A', { size: 2 })).toThrow(new TypeError('cannot set size without setting maxSize or maxEntrySize on cache'));
    expect(cache.size).toBe(0);
    cache.set('a', 'A', { size: 0 });
    expect(cache.size).toBe(1);
    expect(cache.calculatedSize).toBe(0);
  });

  it('set(k, undefined) deletes without needing a size', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 2 });
    cache.set('a', undefined);
    expect(drain()).toEqual(['a=A:delete']);
    expect(keys()).toEqual(['b']);
    expect(cache.calculatedSize).toBe(2);
  });
});

describe('LruCache.delete(), pop() and clear()', () => {
  it('delete() returns true and disposes with reason delete, false for a missing key', () => {
    const { cache, drain, keys } = shelf({ maxSize: 10 });
    cache.set('a', 'A', { size: 2 }).set('b', 'B', { size: 3 }).set('c', 'C', { size: 4 });
    expect(cache.delete('b')).toBe(true);
    expect(cache.delete('b')).toBe(false);
    expect(drain()).toEqual(['b=B:delete']);
    expect(keys()).toEqual(['c', 'a']);
    expect(cache.calculatedSize).toBe(6);
  });

  it('pop() evicts and returns the LRU value, undefined when empty', () => {
    const { cache, drain, keys } = shelf({ max: 3 });
    cache.set('a', 'A').set('b', 'B').set('c', 'C');
    cache.get('a');
    expect(cache.pop()).toBe('B');
    expect(drain()).toEqual(['b=B:evict']);
    expect(keys()).toEqual(['a', 'c']);
    expect(cache.pop()).toBe('C');
    expect(cache.pop()).toBe('A');
    expect(cache.pop()).toBeUndefined();
    expect(drain()).toEqual(['c=C:evict', 'a=A:evict']);
  });

  it('clear() disposes every entry with reason delete, least recently used first', () => {
    const { cache, drain, keys } = shelf({ max: 3, maxSize: 10 });
    cache.set('a', 'A', { size: 1 }).set('b', 'B', { size: 2 }).set('c', 'C', { size: 3 });
    cache.get('a');
    cache.clear();
    expect(drain()).toEqual(['b=B:delete', 'c=C:delete', 'a=A:delete']);
    expect(keys()).toEqual([]);
    expect(cache.size).toBe(0);
    expect(cache.calculatedSize).toBe(0);
    cache.set('d', 'D', { size: 4 });
    expect(keys()).toEqual(['d']);
  });

  it('reuses freed slots and grows past its first capacity', () => {
    const { cache, keys } = shelf({ max: 40 });
    for (let i = 0; i < 40; i++) cache.set(`k${i}`, `v${i}`);
    for (let i = 0; i < 40; i += 2) cache.delete(`k${i}`);
    for (let i = 40; i < 60; i++) cache.set(`k${i}`, `v${i}`);
    expect(cache.size).toBe(40);
    cache.set('last', 'L');
    expect(keys()[0]).toBe('last');
    expect(keys()[39]).toBe('k3');
    expect(cache.has('k1')).toBe(false);
  });
});

describe('LruCache constructor', () => {
  const cases: [LruCacheOptions<string, string>, string][] = [
    [{}, 'At least one of max, maxSize, or ttl is required'],
    [{ max: 0 }, 'At least one of max, maxSize, or ttl is required'],
    [{ maxSize: 0 }, 'At least one of max, maxSize, or ttl is required'],
    [{ maxEntrySize: 3 }, 'At least one of max, maxSize, or ttl is required'],
    [{ max: 2, sizeCalculation: 'valueLength' }, 'cannot set sizeCalculation without setting maxSize or maxEntrySize'],
    [{ max: 1.5 }, 'max option must be a nonnegative integer'],
    [{ max: -1 }, 'max option must be a nonnegative integer'],
    [{ maxSize: -1 }, 'maxSize must be a positive integer if specified'],
    [{ max: 3, maxSize: 2.5 }, 'maxSize must be a positive integer if specified'],
    [{ max: 3, maxEntrySize: 1.5 }, 'maxEntrySize must be a positive integer if specified'],
    [{ maxSize: 5, maxEntrySize: 6 }, 'maxEntrySize must not be greater than maxSize (got maxEntrySize 6, maxSize 5)'],
  ];
  it.each(cases)('new LruCache(%j) throws TypeError: %s', (options, message) => {
    expect(() => new LruCache(options)).toThrow(new TypeError(message));
  });

  it('accepts max alone, maxSize alone, and maxEntrySize 0 as "not set"', () => {
    expect(new LruCache({ max: 1 }).max).toBe(1);
    const bySize = new LruCache<string, string>({ maxSize: 5 });
    expect([bySize.max, bySize.maxSize, bySize.maxEntrySize]).toEqual([0, 5, 5]);
    expect(new LruCache({ max: 3, maxEntrySize: 0 }).maxEntrySize).toBe(0);
  });
});
