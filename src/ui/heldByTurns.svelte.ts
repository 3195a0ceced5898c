/**
 * What a part of the page draws, held between its turns (see `frameTurns.ts`) in a state of its own.
 *
 * Taking turns through a `$derived` keeps a part from redrawing between its turns, but not from being looked
 * at: every new snapshot marks everything downstream of it, through every derived value of every part, as
 * possibly changed, and each of those is checked again in every frame. Held here, a part's value changes only
 * when its turn comes: the only thing that reruns on every frame is the small effect that asks whether it is
 * the part's turn, and the part's own values and effects are not even marked in the frames between. Nor is
 * `read` called then: what the part would draw is worked out only in the frames it draws (so something else
 * must move the turn on in every frame: {@link followFrames}).
 *
 * `read` gives the latest value; `null` means the part is not on the page now (it gives up its turns and
 * holds null). Call it while a component initialises (it owns effects). Attach `inView` to the element the
 * part draws in: while it is scrolled out of view, the part takes no turns (its turns go to the parts in
 * view) and catches up once it is back.
 *
 * @example
 * const shown = heldByTurns(`feed-${uid}`, () => ({ items, eventCount }));
 * // <section {@attach shown.inView}>{#each shown.current.items as item}...
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { FrameTurns, frameToken, PARTS_PER_FRAME } from './frameTurns.ts';
import { playback } from './playback.svelte.ts';

/**
 * Counts the frames the turn moved on in. Every held part reads it, so each looks again in every staggered
 * frame: a part whose input changed in a frame that was not its turn takes that value when its turn comes,
 * even if nothing new happens by then (at 32x a quiet stretch can last many frames).
 */
const moves = $state({ count: 0 });

/** The page's one set of turns, shared by every part that takes them. */
export const pageTurns = new FrameTurns(PARTS_PER_FRAME, () => {
  moves.count++;
});

/** How far outside the viewport a part still counts as in view (it is drawn before it scrolls in). */
const IN_VIEW_MARGIN = '200px';

/**
 * Moves the turns on in every frame `clock` changes in while staggered. A part whose turn has not come reads
 * nothing but the turn, so without this the turn would move only when a due part's input changed: a quiet
 * frame (no new event at 32x) would hold every other part still. Call it once per simulator shown, while a
 * component initialises, with the simulator's clock.
 */
export function followFrames(clock: () => unknown): void {
  $effect.pre(() => {
    void clock();
    if (playback.isFast) pageTurns.moveOnTo(frameToken());
  });
}

export function heldByTurns<T>(part: string, read: () => T): { readonly current: T; readonly inView: Attachment<Element> } {
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
    const isStaggered = playback.isFast;
    if (isStaggered) {
      void moves.count;
      // Not its turn: the part reads nothing, so what it would draw is not even worked out (a gauge card, a
      // narrated line) in the frames between its turns.
      if (!pageTurns.isDue(part, true, frameToken())) return;
    }
    const next = take(read(), isStaggered);
    if (Object.is(next, held)) return;
    held = next;
    current = next;
  });
  $effect(() => () => pageTurns.leave(part));
  return {
    get current() {
      return current;
    },
    inView: (element) => {
      if (typeof IntersectionObserver === 'undefined') return;
      const observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (entry) pageTurns.setInView(part, entry.isIntersecting);
        },
        { rootMargin: IN_VIEW_MARGIN },
      );
      observer.observe(element);
      return () => {
        observer.disconnect();
        pageTurns.setInView(part, true);
      };
    },
  };
}
