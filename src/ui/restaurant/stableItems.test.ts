import { describe, expect, it } from 'vitest';
import { isSameData, StableItems } from './stableItems.ts';

describe('isSameData', () => {
  it('compares plain data by value, and everything else by identity', () => {
    expect(isSameData({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'x' }] })).toBe(true);
    expect(isSameData({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false);
    expect(isSameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(isSameData([1, 2], [1, 2, 3])).toBe(false);
    expect(isSameData(NaN, NaN)).toBe(true);
    expect(isSameData(null, {})).toBe(false);
    expect(isSameData(new Map(), new Map())).toBe(false);
    const f = () => 1;
    expect(isSameData({ f }, { f })).toBe(true);
    expect(isSameData({ f }, { f: () => 1 })).toBe(false);
  });
});

describe('StableItems', () => {
  it('hands back the object last taken for every unchanged item, and the new one for a changed item', () => {
    const stable = new StableItems<{ id: number; state: string }>((t) => t.id);
    const first = stable.take([{ id: 1, state: 'free' }, { id: 2, state: 'free' }]);
    const second = stable.take([{ id: 1, state: 'free' }, { id: 2, state: 'busy' }, { id: 3, state: 'free' }]);
    expect(second[0]).toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1]).toEqual({ id: 2, state: 'busy' });
    expect(second.map((t) => t.id)).toEqual([1, 2, 3]);
  });

  it('forgets items that left: one that comes back is taken as new', () => {
    const stable = new StableItems<{ id: number }>((t) => t.id);
    const first = stable.take([{ id: 1 }]);
    stable.take([]);
    expect(stable.take([{ id: 1 }])[0]).not.toBe(first[0]);
  });
});
