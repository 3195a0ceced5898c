/** The notches of the speed slider: 1x to 64x real time, then as fast as the frames allow. Pure helpers. */
import type { Speed } from '../machines/simulatorMachine.ts';

/** Speeds offered, slowest first: virtual ms per real ms, then `'max'` (a simulated minute per frame). */
export const SPEED_NOTCHES: readonly Speed[] = [1, 2, 4, 8, 16, 32, 64, 'max'];

/** The notch that shows `speed`: its own, else the first faster one (`'max'` is the last). */
export function notchOfSpeed(speed: Speed): number {
  const last = SPEED_NOTCHES.length - 1;
  if (speed === 'max') return last;
  const index = SPEED_NOTCHES.findIndex((s) => s !== 'max' && s >= speed);
  return index < 0 ? last - 1 : index;
}

/** The speed of notch `index` (clamped to the slider). */
export function speedAtNotch(index: number): Speed {
  const i = Number.isFinite(index) ? Math.min(Math.max(Math.round(index), 0), SPEED_NOTCHES.length - 1) : 0;
  return SPEED_NOTCHES[i];
}

/** What the slider shows beside it: `16×`, or `max`. */
export function speedText(speed: Speed): string {
  return speed === 'max' ? 'max' : `${speed}×`;
}

/** What a screen reader says of the slider: `16 times real time`, or `as fast as possible`. */
export function speedValueText(speed: Speed): string {
  return speed === 'max' ? 'as fast as possible' : `${speed} times real time`;
}
