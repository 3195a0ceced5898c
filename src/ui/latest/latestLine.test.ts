import { describe, expect, it } from 'vitest';
import { builtInScenarios, createSimulation, scenarioOrThrow } from '../../sim/index.ts';
import { PartySizes, recentFeed, type FeedItem } from '../feed.ts';
import { latestLine, NOTHING_YET } from './latestLine.ts';

describe('latestLine()', () => {
  it('says what to do before anything has happened', () => {
    expect(latestLine([])).toEqual({ kind: 'empty', text: NOTHING_YET });
    expect(NOTHING_YET).toBe('Nothing has happened yet: press Play, or Step to see one event at a time.');
  });

  it('is the newest narrated event, as the event log words it', () => {
    const items: FeedItem[] = [
      { seq: 4, atMs: 75_000, clock: '01:15', type: 'party.arrived', sentence: 'Party 2 (3 guests) arrives.' },
      { seq: 3, atMs: 60_000, clock: '01:00', type: 'party.arrived', sentence: 'Party 1 (2 guests) arrives.' },
    ];
    expect(latestLine(items)).toEqual({ kind: 'event', clock: '01:15', sentence: 'Party 2 (3 guests) arrives.', type: 'party.arrived' });
  });

  it('follows a real dinner service: half an hour in on seed 7', () => {
    const sim = createSimulation(scenarioOrThrow(builtInScenarios['dinner-service']), 7);
    sim.runUntil(30 * 60_000);
    const sizes = new PartySizes();
    sizes.update(sim.log.events);
    expect(latestLine(recentFeed(sim.log.events, sizes.context))).toEqual({
      kind: 'event',
      clock: '29:38',
      sentence: 'Dish 5 was already on the warming shelf (hit).',
      type: 'cache.hit',
    });
  });
});
