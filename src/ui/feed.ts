/** The live event feed: the most recent facts of the log, newest first, each narrated. Pure helpers. */
import type { SimEvent, SimEventType } from '../sim/events.ts';
import { formatClock } from './format.ts';
import { narrate, type NarrationContext } from './narrate.ts';

/** One narrated line of the feed. */
export interface FeedItem {
  /** Position in the event log (a stable key). */
  readonly seq: number;
  readonly atMs: number;
  /** `mm:ss` of `atMs`. */
  readonly clock: string;
  /** The real event name, shown beside the sentence. */
  readonly type: SimEventType;
  readonly sentence: string;
}

/** How many lines the feed shows. */
export const FEED_LENGTH = 15;

/** The last `count` events of `events`, newest first, narrated. */
export function recentFeed(events: readonly SimEvent[], context: NarrationContext, count = FEED_LENGTH): FeedItem[] {
  const items: FeedItem[] = [];
  for (let seq = events.length - 1; seq >= 0 && items.length < count; seq--) {
    const event = events[seq];
    items.push({ seq, atMs: event.atMs, clock: formatClock(event.atMs), type: event.type, sentence: narrate(event, context) });
  }
  return items;
}

/**
 * Remembers each party's size from its `party.arrived` entry, so later lines can say "Party 12 (4 guests)".
 * Reads the append-only log incrementally: call {@link PartySizes.update} with the whole log after it grows.
 * Another log (another run, or the replay a step back or a seek makes) starts the reading over.
 */
export class PartySizes {
  private readonly sizes = new Map<number, number>();
  private readCount = 0;
  private log: readonly SimEvent[] | null = null;

  update(events: readonly SimEvent[]): void {
    if (events !== this.log || events.length < this.readCount) {
      this.sizes.clear();
      this.readCount = 0;
      this.log = events;
    }
    for (let i = this.readCount; i < events.length; i++) {
      const event = events[i];
      if (event.type === 'party.arrived') this.sizes.set(event.partyId, event.size);
    }
    this.readCount = events.length;
  }

  /** A narration context that looks sizes up here. */
  readonly context: NarrationContext = { partySize: (partyId) => this.sizes.get(partyId) };
}
