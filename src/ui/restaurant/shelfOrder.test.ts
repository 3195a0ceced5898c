import { describe, expect, test } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { dishesFromSignature, dishesSignature, shareOf, shelfActivity, shelfMotionMs, shelfOrder } from './shelfOrder.ts';

const dishes = [
  { key: 'a', bytes: 1 },
  { key: 'b', bytes: 2 },
  { key: 'c', bytes: 3 },
];
const keys = (o: { dishes: { key: string }[] }) => o.dishes.map((d) => d.key).join('');

describe('shelfOrder', () => {
  test('shelfOrder() keeps LRU order (most recent first) and names the last dish as next out', () => {
    const o = shelfOrder(dishes, 'LRU');
    expect([keys(o), o.nextOutKey, o.orderKind]).toEqual(['abc', 'c', 'recency']);
  });

  test('shelfOrder() turns FIFO round so the newest is at the front and the oldest goes next', () => {
    const o = shelfOrder(dishes, 'FIFO');
    expect([keys(o), o.nextOutKey, o.orderKind]).toEqual(['cba', 'a', 'arrival']);
  });

  test('shelfOrder() puts the most recent MRU dish at the front, and it is the one to go', () => {
    const o = shelfOrder(dishes, 'MRU');
    expect([keys(o), o.nextOutKey]).toEqual(['cba', 'c']);
  });

  test('shelfOrder() never names a next dish out for UNBOUNDED or CLOCK', () => {
    expect([keys(shelfOrder(dishes, 'UNBOUNDED')), shelfOrder(dishes, 'UNBOUNDED').nextOutKey]).toEqual(['cba', null]);
    expect([keys(shelfOrder(dishes, 'CLOCK')), shelfOrder(dishes, 'CLOCK').nextOutKey, shelfOrder(dishes, 'CLOCK').orderKind]).toEqual(['abc', null, 'frames']);
    expect(shelfOrder([], 'LRU').nextOutKey).toBeNull();
  });

  test('shelfActivity() reads the last lookup, the recent evictions and the last refusal', () => {
    const recent: SimEvent[] = [
      { atMs: 1, type: 'cache.evicted', key: 'x', size: 5, reason: 'evict', policy: 'LRU' },
      { atMs: 1, type: 'cache.refused', key: 'big', size: 9000, reason: 'tooBig', limit: 4096 },
      { atMs: 2, type: 'cache.miss', key: 'y' },
      { atMs: 3, type: 'cache.evicted', key: 'z', size: 6, reason: 'stale', policy: 'LRU' },
      { atMs: 3, type: 'cache.hit', key: 'a', size: 1 },
    ];
    expect(shelfActivity(recent, 10, 1)).toEqual({
      lookup: { logIndex: 9, atMs: 3, age: 0, key: 'a', isHit: true },
      evictions: [{ logIndex: 8, atMs: 3, age: 1, key: 'z', size: 6, reason: 'stale' }],
      refusal: { logIndex: 6, atMs: 1, age: 3, key: 'big', size: 9000, reason: 'tooBig', limit: 4096 },
    });
  });

  test('shareOf() is null for no limit and caps at 1', () => {
    expect([shareOf(5, 10), shareOf(5, 0), shareOf(20, 10)]).toEqual([0.5, null, 1]);
  });
});

describe('shelf motion', () => {
  test('dishesSignature() changes only with the dishes, and dishesFromSignature() reads it back', () => {
    const sig = dishesSignature(dishes);
    expect(sig).toBe('[["a",1],["b",2],["c",3]]');
    expect(dishesSignature(dishes.map((d) => ({ ...d })))).toBe(sig);
    expect(dishesSignature([...dishes].reverse())).not.toBe(sig);
    expect(dishesFromSignature(sig)).toEqual(dishes);
  });

  test('shelfMotionMs() stops moves for reduced motion and for fast play only', () => {
    expect(shelfMotionMs(250, false, true, 16)).toBe(250);
    expect(shelfMotionMs(250, false, true, 32)).toBe(250);
    expect(shelfMotionMs(250, false, true, 64)).toBe(0);
    expect(shelfMotionMs(250, false, true, 'max')).toBe(0);
    expect(shelfMotionMs(250, false, false, 'max')).toBe(250);
    expect(shelfMotionMs(250, true, false, 1)).toBe(0);
  });
});
