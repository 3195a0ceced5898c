/**
 * Wait-time percentiles over time: how long seated parties waited for a table (`table.acquired`'s
 * `waitedMs`, 0 for a party seated at once), p50 and p95 over a trailing window, one point per minute of
 * simulated time plus a live point at the playhead. Folded from the log incrementally; a minute's point is
 * computed once, when the playhead has passed it, and kept. Pure. Percentiles are nearest-rank, as in
 * `src/sim/stats.ts`.
 *
 * @example
 * const reader = waitReader();
 * waitPoints(reader.read(log, log.length).state, nowMs); // [{ atMs: 60_000, count: 2, p50: 0, p95: 4_000 }, …]
 */
import { percentileOfSorted } from '../../sim/stats.ts';
import { LogReader } from './logReader.ts';

/** The trailing window each point summarises. */
export const WAIT_WINDOW_MS = 10 * 60_000;
/** Time between two points. */
export const WAIT_STEP_MS = 60_000;

/** One point: the waits of parties seated in `(atMs - window, atMs]`. Null percentiles when none were. */
export interface WaitPoint {
  atMs: number;
  count: number;
  p50: number | null;
  p95: number | null;
}

/** Seat times and waits (in log order, so by time), and the points already settled. */
export interface WaitState {
  times: number[];
  waits: number[];
  settled: WaitPoint[];
  /** The step and window `settled` was computed with. */
  settledFor: string;
}

/** A reader that collects the waits of seated parties incrementally. */
export function waitReader(): LogReader<WaitState> {
  return new LogReader<WaitState>(
    () => ({ times: [], waits: [], settled: [], settledFor: '' }),
    (state, event) => {
      if (event.type !== 'table.acquired') return;
      state.times.push(event.atMs);
      state.waits.push(event.waitedMs);
    },
  );
}

/** First index of the ascending `values` whose value is greater than `x`. */
export function upperBound(values: readonly number[], x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** p50 and p95 of the waits of parties seated in `(atMs - windowMs, atMs]`. */
export function windowAt(state: Pick<WaitState, 'times' | 'waits'>, atMs: number, windowMs = WAIT_WINDOW_MS): WaitPoint {
  const start = upperBound(state.times, atMs - windowMs);
  const end = upperBound(state.times, atMs);
  if (end <= start) return { atMs, count: 0, p50: null, p95: null };
  const sorted = state.waits.slice(start, end).sort((a, b) => a - b);
  return { atMs, count: sorted.length, p50: percentileOfSorted(sorted, 50), p95: percentileOfSorted(sorted, 95) };
}

/**
 * One point every `stepMs` from `stepMs` up to the playhead, and one at `nowMs` itself when it is not on a
 * step. Points strictly before `nowMs` are settled (every fact at or before them is in the log) and cached in
 * `state`; only the live one is recomputed on each call. Returns a new array.
 */
export function waitPoints(state: WaitState, nowMs: number, stepMs = WAIT_STEP_MS, windowMs = WAIT_WINDOW_MS): WaitPoint[] {
  const key = `${stepMs}/${windowMs}`;
  if (state.settledFor !== key) {
    state.settled = [];
    state.settledFor = key;
  }
  for (let t = (state.settled.length + 1) * stepMs; t < nowMs; t += stepMs) state.settled.push(windowAt(state, t, windowMs));
  const lastSettledMs = state.settled.length * stepMs;
  const points = state.settled.slice();
  if (nowMs > lastSettledMs) points.push(windowAt(state, nowMs, windowMs));
  return points;
}
