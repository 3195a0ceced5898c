import { describe, expect, it } from 'vitest';
import { isValidSpeed } from '../machines/simulatorMachine.ts';
import { notchOfSpeed, SPEED_NOTCHES, speedAtNotch, speedText, speedValueText } from './speeds.ts';

describe('speed notches', () => {
  it('every notch is a speed the driver accepts, 1x to 64x then max', () => {
    expect(SPEED_NOTCHES).toEqual([1, 2, 4, 8, 16, 32, 64, 'max']);
    expect(SPEED_NOTCHES.every(isValidSpeed)).toBe(true);
  });

  it('notchOfSpeed() finds a speed its notch, or the first faster one', () => {
    expect(notchOfSpeed(1)).toBe(0);
    expect(notchOfSpeed(16)).toBe(4);
    expect(notchOfSpeed(64)).toBe(6);
    expect(notchOfSpeed('max')).toBe(7);
    expect(notchOfSpeed(0.25)).toBe(0);
    expect(notchOfSpeed(10)).toBe(4);
  });

  it('speedAtNotch() reads the slider, clamped', () => {
    expect(speedAtNotch(6)).toBe(64);
    expect(speedAtNotch(7)).toBe('max');
    expect(speedAtNotch(99)).toBe('max');
    expect(speedAtNotch(-1)).toBe(1);
    expect(speedAtNotch(Number.NaN)).toBe(1);
  });

  it('speedText() and speedValueText() say the speed in words', () => {
    expect(speedText(64)).toBe('64×');
    expect(speedText('max')).toBe('max');
    expect(speedValueText(16)).toBe('16 times real time');
    expect(speedValueText('max')).toBe('as fast as possible');
  });
});
