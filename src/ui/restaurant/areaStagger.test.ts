import { describe, expect, it } from 'vitest';
import { AreaStagger } from './areaStagger.ts';

const FIVE = ['tables', 'staff', 'stations', 'pantry', 'shelf'];

describe('AreaStagger', () => {
  it('gives every area the latest value when not staggered', () => {
    const s = new AreaStagger<number>();
    expect([...s.next(FIVE, 1, false)]).toEqual(FIVE.map((a) => [a, 1]));
    expect([...s.next(FIVE, 2, false).values()]).toEqual([2, 2, 2, 2, 2]);
  });

  it('while staggered, moves one area a frame round-robin and keeps the others', () => {
    const s = new AreaStagger<number>();
    s.next(FIVE, 0, false);
    expect([...s.next(FIVE, 1, true).values()]).toEqual([1, 0, 0, 0, 0]);
    expect([...s.next(FIVE, 2, true).values()]).toEqual([1, 2, 0, 0, 0]);
    expect([...s.next(FIVE, 3, true).values()]).toEqual([1, 2, 3, 0, 0]);
    expect([...s.next(FIVE, 4, true).values()]).toEqual([1, 2, 3, 4, 0]);
    expect([...s.next(FIVE, 5, true).values()]).toEqual([1, 2, 3, 4, 5]);
    expect([...s.next(FIVE, 6, true).values()]).toEqual([6, 2, 3, 4, 5]);
  });

  it('gives an area that drew nothing yet the latest value at once', () => {
    const s = new AreaStagger<number>();
    expect([...s.next(FIVE, 7, true).values()]).toEqual([7, 7, 7, 7, 7]);
  });

  it('catches every area up as soon as the stagger stops (a pause)', () => {
    const s = new AreaStagger<number>();
    s.next(FIVE, 0, false);
    s.next(FIVE, 1, true);
    expect([...s.next(FIVE, 2, false).values()]).toEqual([2, 2, 2, 2, 2]);
    expect([...s.next(FIVE, 3, true).values()]).toEqual([3, 2, 2, 2, 2]);
  });

  it('keeps the identity of a value until its area takes a new one', () => {
    const s = new AreaStagger<{ n: number }>();
    const first = { n: 1 };
    s.next(['a', 'b', 'c'], first, false);
    const drawn = s.next(['a', 'b', 'c'], { n: 2 }, true);
    expect(drawn.get('a')).toEqual({ n: 2 });
    expect(drawn.get('b')).toBe(first);
    expect(s.next(['a', 'b', 'c'], { n: 3 }, true).get('c')).toBe(first);
    expect(drawn.get('c')).toBe(first);
  });

  it('forgets areas no longer shown', () => {
    const s = new AreaStagger<number>();
    s.next(FIVE, 0, false);
    expect([...s.next(['staff'], 1, true)]).toEqual([['staff', 1]]);
  });
});
