import { describe, expect, it } from 'vitest';
import { describeValue, listPreview, readParams, wholeMs, zeroCounts } from './slotSupport.ts';

describe('slotSupport', () => {
  it('readParams() merges params over the defaults', () => {
    expect(readParams('evictionPolicy', { capacity: 8, menu: 40 }, { capacity: 6 })).toEqual({ capacity: 6, menu: 40 });
  });

  it('readParams() refuses unknown names and non-finite values', () => {
    expect(() => readParams('memoryCleanup', { a: 1 }, { b: 2 })).toThrow('memoryCleanup: unknown param "b" (known: a)');
    expect(() => readParams('memoryCleanup', { a: 1 }, { a: Infinity })).toThrow('memoryCleanup: param "a" must be a finite number, not Infinity');
  });

  it('describeValue() renders returns the way JavaScript would write them', () => {
    expect(describeValue('soup')).toBe('"soup"');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue([1, 2])).toBe('[1,2]');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue('x'.repeat(100))).toBe(`"${'x'.repeat(58)}…`);
  });

  it('listPreview() cuts long lists and says how many there are', () => {
    expect(listPreview(['a', 'b', 'c'], 2)).toBe('a, b, … (3 in all)');
    expect(listPreview([1, 2])).toBe('1, 2');
    expect(listPreview([])).toBe('none');
  });

  it('wholeMs() rounds to whole milliseconds with a floor', () => {
    expect(wholeMs(1.6)).toBe(2);
    expect(wholeMs(0.2, 1)).toBe(1);
  });

  it('zeroCounts() starts every event at 0', () => {
    expect(zeroCounts(['a.b', 'c.d'])).toEqual({ 'a.b': 0, 'c.d': 0 });
  });
});
