import { describe, expect, test } from 'vitest';
import { shownFirst } from './shownFirst.ts';

describe('shownFirst()', () => {
  test('cuts a long list and counts the rest', () => {
    expect(shownFirst([1, 2, 3], 2)).toEqual({ shown: [1, 2], hiddenCount: 1 });
    expect(shownFirst([1], 2)).toEqual({ shown: [1], hiddenCount: 0 });
  });
});
