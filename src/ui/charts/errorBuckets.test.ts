import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../sim/events.ts';
import { bucketOf, errorReader, errorTotalPoints, errorTotals, stackErrors } from './errorBuckets.ts';

const timeout = (atMs: number): SimEvent => ({ atMs, type: 'acquire.timedOut', partyId: 1, waitedMs: 1, timeoutMs: 1 });
const rejected = (atMs: number): SimEvent => ({ atMs, type: 'task.rejected', taskId: 1, policy: 'abort', reason: 'saturated' });
const leaked = (atMs: number): SimEvent => ({ atMs, type: 'fd.leaked', fd: 3, owner: 'x', openedAtMs: 0 });

describe('bucketOf()', () => {
  it('is the minute, and the last minute for the very end', () => {
    expect(bucketOf(0, 3_600_000)).toBe(0);
    expect(bucketOf(59_999, 3_600_000)).toBe(0);
    expect(bucketOf(60_000, 3_600_000)).toBe(1);
    expect(bucketOf(3_600_000, 3_600_000)).toBe(59);
  });
});

describe('errorReader() and stackErrors()', () => {
  const log = [timeout(10_000), rejected(20_000), timeout(30_000), leaked(40_000), rejected(150_000)];
  const { state } = errorReader(3_600_000).read(log, log.length);

  it('counts errors per minute by kind, leaks left out', () => {
    expect(state.byKind.timeout).toEqual([2]);
    expect(state.byKind.rejection).toEqual([1, 0, 1]);
    expect(state.byKind.emfile).toEqual([]);
    expect(state.total).toBe(4);
  });

  it('stacks the minutes that have errors, in the order of the kinds', () => {
    expect(stackErrors(state, ['timeout', 'rejection'], 3_600_000)).toEqual([
      {
        startMs: 0,
        endMs: 60_000,
        total: 3,
        segments: [
          { kind: 'timeout', y0: 0, y1: 2, count: 2 },
          { kind: 'rejection', y0: 2, y1: 3, count: 1 },
        ],
      },
      { startMs: 120_000, endMs: 180_000, total: 1, segments: [{ kind: 'rejection', y0: 0, y1: 1, count: 1 }] },
    ]);
    expect(stackErrors(state, ['timeout'], 3_600_000).length).toBe(1);
  });

  it('totals each kind', () => {
    expect(errorTotals(state, ['timeout', 'rejection'])).toEqual({ timeout: 2, rejection: 2, emfile: 0, oom: 0 });
  });

  it('gives per-minute totals as points at the middle of each minute that has started', () => {
    expect(errorTotalPoints(state, ['timeout', 'rejection'], 150_000)).toEqual([
      [30_000, 3],
      [90_000, 0],
      [150_000, 1],
    ]);
    expect(errorTotalPoints(state, ['timeout', 'rejection'], 120_000)).toEqual([
      [30_000, 3],
      [90_000, 0],
    ]);
  });
});
