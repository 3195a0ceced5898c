import { describe, expect, test } from 'vitest';
import { inlineOther, inlineWord } from './stationWords.ts';

describe('stationWords', () => {
  const term = { label: 'largest free stretch', real: 'largest free chunk' };
  test('inlineWord() gives the word of the mode, never capitalised', () => {
    expect(inlineWord(term, 'restaurant')).toBe('largest free stretch');
    expect(inlineWord(term, 'systems')).toBe('largest free chunk');
  });
  test('inlineOther() gives the other word', () => {
    expect(inlineOther(term, 'restaurant')).toBe('largest free chunk');
    expect(inlineOther(term, 'systems')).toBe('largest free stretch');
  });
});
