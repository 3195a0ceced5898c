/**
 * The first `cap` items of a list to draw, and how many are left for a "+ N more" note (a long shelf, the tables
 * just taken away, the staff's comings and goings). Pure.
 *
 * @example
 * shownFirst(['a', 'b', 'c'], 2) // { shown: ['a', 'b'], hiddenCount: 1 }
 */
export function shownFirst<T>(items: readonly T[], cap: number): { shown: T[]; hiddenCount: number } {
  return { shown: items.slice(0, cap), hiddenCount: Math.max(0, items.length - cap) };
}
