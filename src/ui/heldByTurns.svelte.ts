/**
 * What a part of the page draws, held between its turns (see `frameTurns.ts`) in a state of its own.
 *
 * Taking turns through a `$derived` keeps a part from redrawing between its turns, but not from being looked
 * at: every new snapshot marks everything downstream of it, through every derived value of every part, as
 * possibly changed, and each of those is checked again in every frame. Held here, a part's value changes only
 * when its turn comes: the only thing that reruns on every frame is the small effect that takes the turn, and
 * the part's own values and effects are not even marked in the frames between.
 *
 * `read` gives the latest value; `null` means the part is not on the page now (it gives up its turns and
 * holds null). Call it while a component initialises (it owns effects).
 *
 * @example
 * const shown = heldByTurns(`feed-${uid}`, () => ({ items, eventCount }));
 * // {#each shown.current.items as item}...
 */
import { untrack } from 'svelte';
import { frameToken, pageTurns } from './frameTurns.ts';
import { playback } from './playback.svelte.ts';

export function heldByTurns<T>(part: string, read: () => T): { readonly current: T } {
  const take = (latest: T, isStaggered: boolean): T => {
    if (latest === null) {
      pageTurns.leave(part);
      return latest;
    }
    return pageTurns.take(part, latest, isStaggered, frameToken());
  };
  let held = untrack(() => take(read(), false));
  let current = $state.raw(held);
  $effect.pre(() => {
    const next = take(read(), playback.isFast);
    if (Object.is(next, held)) return;
    held = next;
    current = next;
  });
  $effect(() => () => pageTurns.leave(part));
  return {
    get current() {
      return current;
    },
  };
}
