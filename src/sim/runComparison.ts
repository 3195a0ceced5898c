/**
 * Comparing two runs: the same guests (one seed), two configurations or two timelines, side by side.
 *
 * The workload has its own random stream (see `simulation.ts`), so two runs on one seed see exactly the
 * same parties whatever their limits are; every difference in their metrics comes from the restaurant.
 *
 * @example
 * const base = createTimeline(scenario, 7);
 * const more = fork(base, 0, { kind: 'tables', changes: { small: { min: 4, max: 20 } } });
 * const { diffs } = compareTimelines(base, more);
 * diffs.find((d) => d.path === 'parties.timedOut'); // { path, a: 12, b: 3, delta: -9 }
 */
import type { SimMetrics } from './simulation.ts';
import { replay, type Timeline } from './timeline.ts';

/** One numeric metric in two runs. */
export interface MetricDiff {
  /** Dotted path in {@link SimMetrics}, e.g. `tables.waitMs.p95`. */
  path: string;
  /** The value in run a, or null when run a has no such metric (a kind it does not simulate). */
  a: number | null;
  /** The value in run b, or null. */
  b: number | null;
  /** `b - a`, or null when either is missing. */
  delta: number | null;
}

/** Two runs of two timelines at the same virtual time. */
export interface TimelineComparison {
  /** The virtual time both runs reached (ms). */
  atMs: number;
  /** True when both timelines use one seed (so both saw the same guests). */
  isSameSeed: boolean;
  a: SimMetrics;
  b: SimMetrics;
  diffs: MetricDiff[];
}

/**
 * A flat diff of every numeric metric of two runs, in the order the metrics are listed (run a's paths first,
 * then those only run b has). Booleans, strings and lists (such as the manager's leak list) are skipped.
 */
export function compareRuns(a: SimMetrics, b: SimMetrics): MetricDiff[] {
  const va = new Map<string, number>();
  const vb = new Map<string, number>();
  flatten(a, '', va);
  flatten(b, '', vb);
  const paths = [...va.keys(), ...[...vb.keys()].filter((p) => !va.has(p))];
  return paths.map((path) => {
    const x = va.get(path) ?? null;
    const y = vb.get(path) ?? null;
    return { path, a: x, b: y, delta: x === null || y === null ? null : y - x };
  });
}

/** The diffs whose values differ (or that only one run has). */
export function changedMetrics(diffs: readonly MetricDiff[]): MetricDiff[] {
  return diffs.filter((d) => d.delta !== 0);
}

/**
 * Replays two timelines to the same virtual time (default: the end of the shorter service) and compares
 * their metrics.
 */
export function compareTimelines(a: Timeline, b: Timeline, atMs: number = Math.min(a.scenario.durationMs, b.scenario.durationMs)): TimelineComparison {
  const ma = replay(a, { atMs }).sim.metrics();
  const mb = replay(b, { atMs }).sim.metrics();
  return { atMs, isSameSeed: a.seed === b.seed, a: ma, b: mb, diffs: compareRuns(ma, mb) };
}

function flatten(value: unknown, path: string, out: Map<string, number>): void {
  if (typeof value === 'number') {
    out.set(path, value);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, v] of Object.entries(value)) flatten(v, path ? `${path}.${key}` : key, out);
}
