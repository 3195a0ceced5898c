import { describe, expect, it } from 'vitest';
import { formatBytes, formatClock, formatDuration, formatPercent, ordinal, plural } from './format.ts';

describe('format', () => {
  it('formatClock() shows mm:ss and keeps counting minutes past an hour', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(125_400)).toBe('02:05');
    expect(formatClock(59_999)).toBe('00:59');
    expect(formatClock(75 * 60_000)).toBe('75:00');
    expect(formatClock(-5)).toBe('00:00');
  });

  it('formatDuration() picks ms, s, min or h', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(126_000)).toBe('2.1 min');
    expect(formatDuration(600_000)).toBe('10 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(5_400_000)).toBe('1 h 30 min');
  });

  it('formatBytes() uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(65_536)).toBe('64 KiB');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
  });

  it('plural(), ordinal() and formatPercent()', () => {
    expect(plural(1, 'guest', 'guests')).toBe('1 guest');
    expect(plural(4, 'guest', 'guests')).toBe('4 guests');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '103rd',
    ]);
    expect(formatPercent(0.853)).toBe('85%');
  });
});
