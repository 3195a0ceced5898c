/**
 * Reads the append-only event log incrementally: each call folds only the facts added since the last call
 * into a state. The state is kept per log *identity* in a WeakMap, so another log (a replay after a seek or a
 * step back, another timeline) starts over from an empty state, and a log nobody holds any more is freed.
 * Pure of any framework; the array is never kept beyond the WeakMap's weak key.
 *
 * @example
 * const timeouts = new LogReader(() => ({ count: 0 }), (s, e) => { if (e.type === 'acquire.timedOut') s.count++; });
 * timeouts.read(log, log.length).state.count;
 */
import type { SimEvent } from '../../sim/events.ts';

/** What {@link LogReader.read} returns: a fresh object each call, around the (mutable, shared) state. */
export interface LogReading<S> {
  readonly state: S;
  /** Facts folded in so far. */
  readonly readCount: number;
}

export class LogReader<S> {
  readonly #states = new WeakMap<readonly SimEvent[], { readCount: number; state: S }>();

  /**
   * @param create a new, empty state
   * @param add folds one fact (at position `index` of the log) into the state
   */
  constructor(
    private readonly create: () => S,
    private readonly add: (state: S, event: SimEvent, index: number) => void,
  ) {}

  /** Folds `log[readCount .. count)` into the state of `log` and returns it. `count` is clamped to the log. */
  read(log: readonly SimEvent[], count: number): LogReading<S> {
    let entry = this.#states.get(log);
    const end = Math.max(0, Math.min(count, log.length));
    if (!entry || end < entry.readCount) {
      entry = { readCount: 0, state: this.create() };
      this.#states.set(log, entry);
    }
    for (let i = entry.readCount; i < end; i++) this.add(entry.state, log[i], i);
    entry.readCount = end;
    return { state: entry.state, readCount: end };
  }
}

/** How many facts of `log` happened at or before `atMs` (the log is in time order): a binary search. */
export function countAtOrBefore(log: readonly SimEvent[], atMs: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid].atMs <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
