/**
 * Whether the learner asked for less motion (`prefers-reduced-motion: reduce`). CSS transitions and animations
 * are already switched off by the global rule in `app.css`; a D3 transition or a Svelte `Tween` checks this
 * and uses a duration of 0 instead.
 *
 * @example
 * selection.transition().duration(prefersReducedMotion() ? 0 : 200)
 */

/** The media query the page and the stylesheet follow. */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/**
 * True when the system asks for reduced motion. False where there is no `matchMedia` (Node, tests, old
 * browsers) and when the query cannot be evaluated. Read it when a transition starts, not once at load: the
 * setting can change while the page is open.
 */
export function prefersReducedMotion(matchMedia: ((query: string) => { matches: boolean }) | undefined = globalMatchMedia()): boolean {
  if (matchMedia === undefined) return false;
  try {
    return matchMedia(REDUCED_MOTION_QUERY).matches === true;
  } catch {
    return false;
  }
}

/** A duration, or 0 when motion is reduced: `duration(200)`. */
export function motionMs(ms: number, isReduced: boolean = prefersReducedMotion()): number {
  return isReduced ? 0 : ms;
}

function globalMatchMedia(): ((query: string) => { matches: boolean }) | undefined {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? (q) => window.matchMedia(q) : undefined;
}
