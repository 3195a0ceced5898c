/**
 * The one line under the play bar that says what just happened: the newest narrated event of the feed
 * (`feed.ts`), or what to do when nothing has happened yet. Pure.
 *
 * @example
 * latestLine(simulator.feed) // { kind: 'event', clock: '31:12', sentence: 'Party 40 (2 guests) seated at ...', type: 'table.acquired' }
 */
import type { FeedItem } from '../feed.ts';

export type LatestLine =
  | { kind: 'event'; clock: string; sentence: string; type: string }
  | { kind: 'empty'; text: string };

export const NOTHING_YET = 'Nothing has happened yet: press Play, or Step to see one event at a time.';

/** The newest of `items` (the feed lists newest first), or the empty line. */
export function latestLine(items: readonly FeedItem[]): LatestLine {
  const newest = items[0];
  if (newest === undefined) return { kind: 'empty', text: NOTHING_YET };
  return { kind: 'event', clock: newest.clock, sentence: newest.sentence, type: newest.type };
}
