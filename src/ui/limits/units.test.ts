import { describe, expect, it } from 'vitest';
import { describeValue, displayUnitFor, formatInUnit, parseLimitText } from './units.ts';

describe('parseLimitText()', () => {
  it('reads a bare number in the default unit', () => {
    expect(parseLimitText('8', 'ms', 'min')).toEqual({ ok: true, value: 480_000 });
    expect(parseLimitText('12', 'bytes', 'KiB')).toEqual({ ok: true, value: 12_288 });
    expect(parseLimitText(' 16 ', 'count', '')).toEqual({ ok: true, value: 16 });
  });

  it('reads a typed unit in place of the default one', () => {
    expect(parseLimitText('90 s', 'ms', 'min')).toEqual({ ok: true, value: 90_000 });
    expect(parseLimitText('1.5min', 'ms', 's')).toEqual({ ok: true, value: 90_000 });
    expect(parseLimitText('250 ms', 'ms', 's')).toEqual({ ok: true, value: 250 });
    expect(parseLimitText('2 h', 'ms', 'min')).toEqual({ ok: true, value: 7_200_000 });
    expect(parseLimitText('100 B', 'bytes', 'KiB')).toEqual({ ok: true, value: 100 });
    expect(parseLimitText('1 MiB', 'bytes', 'KiB')).toEqual({ ok: true, value: 1_048_576 });
    expect(parseLimitText('4k', 'bytes', 'B')).toEqual({ ok: true, value: 4_096 });
  });

  it('reads decimals that are whole in the base unit, despite float error', () => {
    expect(parseLimitText('0.3', 'ms', 's')).toEqual({ ok: true, value: 300 });
    expect(parseLimitText('.5', 'ms', 's')).toEqual({ ok: true, value: 500 });
    expect(parseLimitText('0.25', 'bytes', 'KiB')).toEqual({ ok: true, value: 256 });
  });

  it('takes digit groups separated by _, commas or spaces', () => {
    expect(parseLimitText('1_000', 'count', '')).toEqual({ ok: true, value: 1_000 });
    expect(parseLimitText('4,096', 'count', '')).toEqual({ ok: true, value: 4_096 });
    expect(parseLimitText('65 536 B', 'bytes', 'KiB')).toEqual({ ok: true, value: 65_536 });
  });

  it('refuses empty text and text that is not a number', () => {
    expect(parseLimitText('', 'count', '')).toEqual({ ok: false, message: 'Type a number.' });
    expect(parseLimitText('   ', 'count', '')).toEqual({ ok: false, message: 'Type a number.' });
    expect(parseLimitText('abc', 'count', '')).toEqual({ ok: false, message: '“abc” is not a number.' });
    expect(parseLimitText('1e3', 'count', '')).toEqual({ ok: false, message: '“1e3” is not a number.' });
    expect(parseLimitText('12..5', 'ms', 's')).toEqual({ ok: false, message: '“12..5” is not a number.' });
    expect(parseLimitText('a very long piece of text indeed', 'count', '')).toEqual({
      ok: false,
      message: '“a very long piece of te…” is not a number.',
    });
  });

  it('refuses negative values and values not whole in the base unit', () => {
    expect(parseLimitText('-1', 'count', '')).toEqual({ ok: false, message: 'Must be 0 or more.' });
    expect(parseLimitText('-2 min', 'ms', 's')).toEqual({ ok: false, message: 'Must be 0 or more.' });
    expect(parseLimitText('2.5', 'count', '')).toEqual({ ok: false, message: 'Must be a whole number.' });
    expect(parseLimitText('0.0001', 'ms', 's')).toEqual({ ok: false, message: 'Must be a whole number of milliseconds.' });
    expect(parseLimitText('0.5 B', 'bytes', 'KiB')).toEqual({ ok: false, message: 'Must be a whole number of bytes.' });
  });

  it('refuses unknown units, and units on counts', () => {
    expect(parseLimitText('5 days', 'ms', 'min')).toEqual({ ok: false, message: 'Unknown unit “days” (use ms, s, min, h).' });
    expect(parseLimitText('5 KB', 'ms', 'min')).toEqual({ ok: false, message: 'Unknown unit “KB” (use ms, s, min, h).' });
    expect(parseLimitText('5 s', 'bytes', 'B')).toEqual({ ok: false, message: 'Unknown unit “s” (use B, KiB, MiB, GiB).' });
    expect(parseLimitText('5 tables', 'count', '')).toEqual({ ok: false, message: 'Type a plain number, without “tables”.' });
  });

  it('refuses numbers too large to use', () => {
    expect(parseLimitText('9'.repeat(400), 'count', '')).toEqual({ ok: false, message: 'That number is too large to use.' });
    expect(parseLimitText('99999999999999999', 'count', '')).toEqual({ ok: false, message: 'That number is too large to use.' });
  });

  it('reads "unbounded" only where it is a value', () => {
    expect(parseLimitText('unbounded', 'count', '', true)).toEqual({ ok: true, value: 'unbounded' });
    expect(parseLimitText('∞', 'count', '', true)).toEqual({ ok: true, value: 'unbounded' });
    expect(parseLimitText('Unbounded', 'count', '')).toEqual({ ok: false, message: '“Unbounded” is not a number.' });
    expect(parseLimitText('lots', 'count', '', true)).toEqual({ ok: false, message: '“lots” is not a number (or “unbounded”).' });
  });
});

describe('formatInUnit()', () => {
  it('writes the bare number in the unit when it is exact there', () => {
    expect(formatInUnit(480_000, 'ms', 'min')).toBe('8');
    expect(formatInUnit(90_000, 'ms', 'min')).toBe('1.5');
    expect(formatInUnit(500, 'ms', 's')).toBe('0.5');
    expect(formatInUnit(40_960, 'bytes', 'KiB')).toBe('40');
    expect(formatInUnit(1_310_720, 'bytes', 'MiB')).toBe('1.25');
    expect(formatInUnit(12, 'count', '')).toBe('12');
    expect(formatInUnit(0, 'ms', 'min')).toBe('0');
  });

  it('writes the base unit out when the unit would round', () => {
    expect(formatInUnit(12_345, 'bytes', 'KiB')).toBe('12345 B');
    expect(formatInUnit(1_234, 'ms', 'min')).toBe('1234 ms');
  });

  it('writes unbounded as the word', () => {
    expect(formatInUnit('unbounded', 'count', '')).toBe('unbounded');
  });

  it('round-trips through parseLimitText()', () => {
    for (const [value, kind, unit] of [
      [12_345, 'bytes', 'KiB'],
      [90_000, 'ms', 'min'],
      [1_234, 'ms', 'min'],
      [77, 'count', ''],
    ] as const) {
      expect(parseLimitText(formatInUnit(value, kind, unit), kind, unit)).toEqual({ ok: true, value });
    }
  });
});

describe('displayUnitFor()', () => {
  it('shows times of a minute or more in minutes, shorter ones in seconds', () => {
    expect(displayUnitFor(480_000, 'ms', 's')).toBe('min');
    expect(displayUnitFor(90_000, 'ms', 's')).toBe('min');
    expect(displayUnitFor(30_000, 'ms', 'min')).toBe('s');
    expect(displayUnitFor(500, 'ms', 'min')).toBe('s');
    expect(displayUnitFor(1_234, 'ms', 'min')).toBe('s');
    expect(displayUnitFor(61_001, 'ms', 'min')).toBe('s');
    expect(displayUnitFor(1, 'ms', 'min')).toBe('s');
  });

  it('shows bytes in the largest binary unit they are exact in', () => {
    expect(displayUnitFor(64, 'bytes', 'KiB')).toBe('B');
    expect(displayUnitFor(40_960, 'bytes', 'B')).toBe('KiB');
    expect(displayUnitFor(4_194_304, 'bytes', 'B')).toBe('MiB');
    expect(displayUnitFor(12_345, 'bytes', 'KiB')).toBe('B');
  });

  it('uses the fallback for 0, and no unit for counts', () => {
    expect(displayUnitFor(0, 'ms', 'min')).toBe('min');
    expect(displayUnitFor(0, 'bytes', 'KiB')).toBe('KiB');
    expect(displayUnitFor(40, 'count', 'KiB')).toBe('');
  });
});

describe('describeValue()', () => {
  it('reads times in s, min or h', () => {
    expect(describeValue(500, 'ms')).toBe('0.5 s');
    expect(describeValue(45_000, 'ms')).toBe('45 s');
    expect(describeValue(480_000, 'ms')).toBe('8 min');
    expect(describeValue(90_000, 'ms')).toBe('1.5 min');
    expect(describeValue(5_400_000, 'ms')).toBe('1.5 h');
    expect(describeValue(0, 'ms')).toBe('0 s');
  });

  it('reads bytes in binary units, counts as they are', () => {
    expect(describeValue(512, 'bytes')).toBe('512 B');
    expect(describeValue(40_960, 'bytes')).toBe('40 KiB');
    expect(describeValue(1_310_720, 'bytes')).toBe('1.25 MiB');
    expect(describeValue(12, 'count')).toBe('12');
    expect(describeValue('unbounded', 'count')).toBe('unbounded');
  });
});
