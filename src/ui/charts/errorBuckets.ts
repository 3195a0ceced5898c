/**
 * Errors by kind per minute of simulated time, folded from the log incrementally, and stacked for the error
 * chart's bars. Pure.
 *
 * @example
 * const { state } = errorReader().read(log, log.length);
 * stackErrors(state, ['timeout', 'rejection'], 3_600_000);
 */
import { LogReader } from './logReader.ts';
import { notableKindOf, type ErrorKind } from './notable.ts';

/** Width of one bucket: a minute of simulated time. */
export const ERROR_BUCKET_MS = 60_000;

/** Counts per bucket, by kind (arrays grown as needed; a bucket past the end counts 0), and their sum. */
export interface ErrorCounts {
  byKind: Record<ErrorKind, number[]>;
  /** Errors counted so far, every kind (changes whenever a count does). */
  total: number;
}

/** The bucket of a time; an event at the very end of the service (`durationMs`) counts in the last one. */
export function bucketOf(atMs: number, durationMs: number, bucketMs = ERROR_BUCKET_MS): number {
  const last = Math.max(0, Math.ceil(durationMs / bucketMs) - 1);
  return Math.min(last, Math.max(0, Math.floor(atMs / bucketMs)));
}

/** A reader that counts the errors of a log per minute, for a service `durationMs` long. */
export function errorReader(durationMs: number): LogReader<ErrorCounts> {
  return new LogReader<ErrorCounts>(
    () => ({ byKind: { timeout: [], rejection: [], emfile: [], oom: [] }, total: 0 }),
    (state, event) => {
      const kind = notableKindOf(event);
      if (kind === null || kind === 'leak') return;
      const b = bucketOf(event.atMs, durationMs);
      const counts = state.byKind[kind];
      while (counts.length <= b) counts.push(0);
      counts[b]++;
      state.total++;
    },
  );
}

/** One stacked bar: one bucket, its kinds bottom-up. */
export interface ErrorBar {
  startMs: number;
  endMs: number;
  total: number;
  segments: { kind: ErrorKind; y0: number; y1: number; count: number }[];
}

/** The bars of the buckets that have at least one error of `kinds`, stacked in the order of `kinds`. */
export function stackErrors(counts: ErrorCounts, kinds: readonly ErrorKind[], durationMs: number, bucketMs = ERROR_BUCKET_MS): ErrorBar[] {
  let length = 0;
  for (const k of kinds) length = Math.max(length, counts.byKind[k].length);
  const bars: ErrorBar[] = [];
  for (let b = 0; b < length; b++) {
    let y = 0;
    const segments: ErrorBar['segments'] = [];
    for (const kind of kinds) {
      const count = counts.byKind[kind][b] ?? 0;
      if (count === 0) continue;
      segments.push({ kind, y0: y, y1: y + count, count });
      y += count;
    }
    if (y > 0) bars.push({ startMs: b * bucketMs, endMs: Math.min(durationMs, (b + 1) * bucketMs), total: y, segments });
  }
  return bars;
}

/** Errors of each kind so far. */
export function errorTotals(counts: ErrorCounts, kinds: readonly ErrorKind[]): Record<ErrorKind, number> {
  const totals: Record<ErrorKind, number> = { timeout: 0, rejection: 0, emfile: 0, oom: 0 };
  for (const k of kinds) for (const n of counts.byKind[k]) totals[k] += n ?? 0;
  return totals;
}

/**
 * Total errors of `kinds` per bucket as points at each bucket's middle, for buckets that started before
 * `untilMs` (zeros included): the comparison run's overlay line.
 */
export function errorTotalPoints(counts: ErrorCounts, kinds: readonly ErrorKind[], untilMs: number, bucketMs = ERROR_BUCKET_MS): [number, number][] {
  const points: [number, number][] = [];
  for (let b = 0; b * bucketMs < untilMs; b++) {
    let total = 0;
    for (const k of kinds) total += counts.byKind[k][b] ?? 0;
    points.push([b * bucketMs + bucketMs / 2, total]);
  }
  return points;
}
