/**
 * How the page is playing, for the animations: when the service runs faster than a person can follow
 * (above {@link FAST_SPEED}× or "as fast as possible"), units appear and leave without transitions, so the
 * frames go to drawing the state rather than to animating changes nobody can see. Reduced motion turns
 * them off always (see `motion.ts`).
 *
 * @example
 * import { fade } from 'svelte/transition';
 * const fadeWhenWatched = gated(fade);
 * // <g in:fadeWhenWatched={{ duration: 200 }}>
 */
import type { TransitionConfig } from 'svelte/transition';
import type { Speed } from '../machines/simulatorMachine.ts';
import { prefersReducedMotion } from './motion.ts';

/** The fastest speed (virtual ms per real ms) at which units still animate. */
export const FAST_SPEED = 16;

class Playback {
  /** True while playing faster than {@link FAST_SPEED}×. */
  isFast = $state(false);
}

export const playback = new Playback();

/** Whether playing at `speed` is too fast to animate. */
export function isTooFastToAnimate(isPlaying: boolean, speed: Speed): boolean {
  return isPlaying && (speed === 'max' || speed > FAST_SPEED);
}

/** True when transitions should run now. */
export function isMotionWelcome(): boolean {
  return !playback.isFast && !prefersReducedMotion();
}

/** `transition`, skipped (duration 0, nothing measured) while motion is not welcome. */
export function gated<P>(transition: (node: Element, params: P) => TransitionConfig): (node: Element, params: P) => TransitionConfig {
  return (node, params) => (isMotionWelcome() ? transition(node, params) : { duration: 0 });
}
