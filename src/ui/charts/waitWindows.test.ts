import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { upperBound, waitPoints, waitReader, windowAt } from './waitWindows.ts';

const seated = (atMs: number, waitedMs: number): SimEvent => ({
  atMs,
  type: 'table.acquired',
  tableId: 1,
  partyId: 1,
  partySize: 2,
  sizeClass: 'small',
  waitedMs,
  isFallback: false,
});

describe('upperBound()', () => {
  it('finds the first value greater than x', () => {
    expect(upperBound([1, 2, 2, 5], 2)).toBe(3);
    expect(upperBound([1, 2, 2, 5], 0)).toBe(0);
    expect(upperBound([1, 2, 2, 5], 9)).toBe(4);
  });
});

describe('windowAt()', () => {
  const state = { times: [10, 20, 30, 40, 50], waits: [5, 1, 4, 2, 3] };
  it('takes nearest-rank p50 and p95 of the waits in (atMs - window, atMs]', () => {
    expect(windowAt(state, 50, 100)).toEqual({ atMs: 50, count: 5, p50: 3, p95: 5 });
    expect(windowAt(state, 40, 20)).toEqual({ atMs: 40, count: 2, p50: 2, p95: 4 });
  });
  it('has no percentiles for an empty window', () => {
    expect(windowAt(state, 5, 100)).toEqual({ atMs: 5, count: 0, p50: null, p95: null });
  });
});

describe('waitPoints()', () => {
  it('gives one point per step and a live one at the playhead; settles only points before it', () => {
    const log: SimEvent[] = [seated(30_000, 0), seated(70_000, 8_000), { atMs: 75_000, type: 'party.arrived', partyId: 3, size: 2 }];
    const reader = waitReader();
    const state = reader.read(log, log.length).state;
    expect(waitPoints(state, 90_000, 60_000, 120_000)).toEqual([
      { atMs: 60_000, count: 1, p50: 0, p95: 0 },
      { atMs: 90_000, count: 2, p50: 0, p95: 8_000 },
    ]);
    expect(state.settled.length).toBe(1);
    log.push(seated(120_000, 2_000));
    const later = reader.read(log, log.length).state;
    expect(waitPoints(later, 120_000, 60_000, 120_000)).toEqual([
      { atMs: 60_000, count: 1, p50: 0, p95: 0 },
      { atMs: 120_000, count: 3, p50: 2_000, p95: 8_000 },
    ]);
    expect(later.settled.length).toBe(1);
    expect(waitPoints(later, 120_001, 60_000, 120_000).map((p) => p.atMs)).toEqual([60_000, 120_000, 120_001]);
    expect(later.settled.length).toBe(2);
  });

  it('recomputes settled points when the step or window changes', () => {
    const state = waitReader().read([seated(30_000, 1_000)], 1).state;
    waitPoints(state, 200_000, 60_000, 120_000);
    expect(waitPoints(state, 200_000, 100_000, 20_000)).toEqual([
      { atMs: 100_000, count: 0, p50: null, p95: null },
      { atMs: 200_000, count: 0, p50: null, p95: null },
    ]);
  });
});
