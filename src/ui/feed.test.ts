import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../sim/events.ts';
import { PartySizes, recentFeed } from './feed.ts';

const events: SimEvent[] = [
  { atMs: 0, type: 'party.arrived', partyId: 1, size: 2 },
  { atMs: 61_000, type: 'party.arrived', partyId: 2, size: 6 },
  { atMs: 90_000, type: 'table.acquired', tableId: 4, partyId: 2, partySize: 6, sizeClass: 'medium', waitedMs: 29_000, isFallback: false },
];

describe('recentFeed()', () => {
  it('returns the newest events first, narrated, keyed by their log position', () => {
    const sizes = new PartySizes();
    sizes.update(events);
    const feed = recentFeed(events, sizes.context, 2);
    expect(feed).toEqual([
      { seq: 2, atMs: 90_000, clock: '01:30', type: 'table.acquired', sentence: 'Party 2 (6 guests) seated at table 4 after 29 s.' },
      { seq: 1, atMs: 61_000, clock: '01:01', type: 'party.arrived', sentence: 'Party 2 (6 guests) arrived at the host stand.' },
    ]);
  });

  it('returns everything when the log is shorter than the feed', () => {
    expect(recentFeed(events, {}, 15)).toHaveLength(3);
    expect(recentFeed([], {}, 15)).toEqual([]);
  });
});

describe('PartySizes', () => {
  it('reads only the new part of the log on each update', () => {
    const sizes = new PartySizes();
    const log: SimEvent[] = events.slice(0, 1);
    sizes.update(log);
    expect(sizes.context.partySize?.(2)).toBeUndefined();
    log.push(...events.slice(1));
    sizes.update(log);
    expect(sizes.context.partySize?.(1)).toBe(2);
    expect(sizes.context.partySize?.(2)).toBe(6);
  });

  it('starts over on another log (another run, or a replay after a step back)', () => {
    const sizes = new PartySizes();
    sizes.update(events);
    sizes.update([{ atMs: 0, type: 'party.arrived', partyId: 2, size: 3 }]);
    expect(sizes.context.partySize?.(1)).toBeUndefined();
    expect(sizes.context.partySize?.(2)).toBe(3);
  });
});
