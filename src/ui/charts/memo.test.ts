import { describe, expect, it } from 'vitest';
import { Memo } from './memo.ts';

describe('Memo.get()', () => {
  it('computes again only when a part of the key changes', () => {
    const memo = new Memo<{ n: number }>();
    let calls = 0;
    const compute = (n: number) => () => ({ n: (calls++, n) });
    const a = memo.get([1, 'x'], compute(1));
    expect(memo.get([1, 'x'], compute(2))).toBe(a);
    const b = memo.get([2, 'x'], compute(3));
    expect(b).toEqual({ n: 3 });
    expect(memo.get([2, 'x', 0], compute(4))).toEqual({ n: 4 });
    expect(calls).toBe(3);
  });
});
