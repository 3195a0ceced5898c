import { describe, expect, it } from 'vitest';
import { formatDelta, formatMinutes, formatTick, formatValue, minuteTicks, snapTime, timeAtX, yTicks, yTop } from './chartFormat.ts';

describe('minuteTicks()', () => {
  it('puts ticks at round minutes, fewer on narrow plots', () => {
    expect(minuteTicks(3_600_000, 400).map(formatMinutes)).toEqual(['0', '10', '20', '30', '40', '50', '60']);
    expect(minuteTicks(3_600_000, 150).map(formatMinutes)).toEqual(['0', '20', '40', '60']);
    expect(minuteTicks(120_000, 400).map(formatMinutes)).toEqual(['0', '1', '2']);
  });
});

describe('yTop() and yTicks()', () => {
  it('shows shares to 100% at least', () => {
    expect(yTop('ratio', 0.4)).toBe(1);
    expect(yTop('ratio', 1.1)).toBe(1.25);
    expect(yTicks('ratio', 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
  it('rounds counts up to a whole tick', () => {
    expect(yTop('count', 0)).toBe(4);
    expect(yTop('count', 13)).toBe(15);
    expect(yTicks('count', 15)).toEqual([0, 5, 10, 15]);
    expect(yTicks('count', 4)).toEqual([0, 1, 2, 3, 4]);
  });
  it('rounds durations to whole seconds or minutes', () => {
    expect(yTop('duration', 0)).toBe(60_000);
    expect(yTicks('duration', 60_000)).toEqual([0, 20_000, 40_000, 60_000]);
    expect(yTop('duration', 250_000)).toBe(300_000);
    expect(yTicks('duration', 300_000)).toEqual([0, 60_000, 120_000, 180_000, 240_000, 300_000]);
  });
});

describe('formatTick(), formatValue(), formatDelta()', () => {
  it('formats each unit', () => {
    expect(formatTick(0.5, 'ratio')).toBe('50%');
    expect(formatTick(12, 'count')).toBe('12');
    expect(formatTick(0, 'duration')).toBe('0');
    expect(formatTick(120_000, 'duration', 300_000)).toBe('2 min');
    expect(formatTick(80_000, 'duration', 100_000)).toBe('80 s');
    expect(formatValue(0.724, 'ratio')).toBe('72%');
    expect(formatValue(2.25, 'count')).toBe('2.3');
    expect(formatValue(90_000, 'duration')).toBe('1.5 min');
    expect(formatValue(null, 'count')).toBe('–');
    expect(formatValue(0, 'duration')).toBe('0 s');
  });
  it('signs differences', () => {
    expect(formatDelta(0.08, 'ratio')).toBe('+8 points');
    expect(formatDelta(-0.01, 'ratio')).toBe('−1 point');
    expect(formatDelta(-2, 'count')).toBe('−2');
    expect(formatDelta(30_000, 'duration')).toBe('+30 s');
    expect(formatDelta(0.001, 'ratio')).toBe('no difference');
  });
});

describe('timeAtX() and snapTime()', () => {
  it('maps a pointer to a time within the service', () => {
    expect(timeAtX(100, 400, 3_600_000)).toBe(900_000);
    expect(timeAtX(-5, 400, 3_600_000)).toBe(0);
    expect(timeAtX(500, 400, 3_600_000)).toBe(3_600_000);
  });
  it('snaps to the nearest sample', () => {
    expect(snapTime(44_000, 30_000, 3_600_000)).toBe(30_000);
    expect(snapTime(46_000, 30_000, 3_600_000)).toBe(60_000);
    expect(snapTime(3_599_000, 30_000, 3_600_000)).toBe(3_600_000);
  });
});
