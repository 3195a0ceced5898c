/**
 * The one enter/leave animation of the dining room and the staff room: a short fade. Unlike
 * `svelte/transition`'s `fade` it reads no computed style (a forced style recalculation per unit, which
 * adds up when hundreds of tables or tickets come and go), and a duration of 0 (reduced motion, or a room
 * too full to animate) skips the animation altogether.
 *
 * @example
 * <g in:appear={{ duration }} out:appear={{ duration }}>...</g>
 */
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';
import { isMotionWelcome } from '../playback.svelte.ts';

/** Longest enter/leave fade, in real ms. */
export const APPEAR_MS = 200;

/** Fades an element in or out over `duration` real ms; nothing at 0. */
export function appear(_node: Element, { duration }: { duration: number }): TransitionConfig {
  return duration <= 0 || !isMotionWelcome() ? { duration: 0 } : { duration, easing: cubicOut, css: (t) => `opacity: ${t}` };
}

/** The fade's duration: none when motion is reduced or the units are drawn compact (too many to animate). */
export function appearMs(isReducedMotion: boolean, isCompact = false): number {
  return isReducedMotion || isCompact ? 0 : APPEAR_MS;
}
