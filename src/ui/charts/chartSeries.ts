/**
 * The gauge charts as data: which charts a scenario gets, the lines each draws from the sampled gauges, and
 * the shaping of a series into points (with gaps where a reading has no meaning, and downsampling for long
 * runs). Pure.
 *
 * @example
 * const specs = gaugeChartSpecs(scenario);          // utilisation, waiting, memory, hitRatio: those that apply
 * pointsOf(series, specs[0].lines[0].value);        // [[0, null], [30_000, 0.5], …]
 */
import type { Gauges } from '../../sim/simulation.ts';
import type { Scenario } from '../../sim/scenario.ts';
import type { Tone } from '../gaugeRows.ts';
import { chartLineTerms as l, chartTerms, type Term } from '../vocabulary.ts';

export type ChartName = 'utilisation' | 'waiting' | 'waits' | 'memory' | 'hitRatio' | 'errors';

/** What a chart's y axis counts: a share (0..1), a count, or a duration in ms. */
export type ChartUnit = 'ratio' | 'count' | 'duration';

/** `[atMs, value]`; a null value is a gap in the line. */
export type Point = readonly [number, number | null];

/** One line of a gauge chart and how to read it from a sample. */
export interface LineSpec {
  key: string;
  term: Term;
  tone: Tone;
  value: (g: Gauges) => number | null;
}

/** A horizontal reference line (a limit). */
export interface Rule {
  value: number;
  term: Term;
}

export interface GaugeChartSpec {
  name: ChartName;
  title: Term;
  unit: ChartUnit;
  lines: LineSpec[];
  rules: Rule[];
}

/** `part / whole`, or null when the whole is 0 (nothing to be a share of). */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

type Kinds = Pick<Scenario, 'tables' | 'staff' | 'ingredients' | 'stations' | 'shelf'>;

/** The gauge charts of a scenario, only for the kinds it has, in display order. */
export function gaugeChartSpecs(scenario: Kinds): GaugeChartSpec[] {
  const specs: GaugeChartSpec[] = [];
  const busy: LineSpec[] = [];
  if (scenario.tables) busy.push({ key: 'tables', term: l.tablesInUse, tone: 'busy', value: (g) => (g.tables ? share(g.tables.inUse, g.tables.total) : null) });
  if (scenario.staff) busy.push({ key: 'staff', term: l.cooksBusy, tone: 'setup', value: (g) => (g.staff ? share(g.staff.busy, g.staff.workers) : null) });
  if (scenario.ingredients)
    busy.push({ key: 'ingredients', term: l.pantryTaken, tone: 'used', value: (g) => (g.ingredients ? share(g.ingredients.open, g.ingredients.softLimit) : null) });
  if (busy.length > 0) specs.push({ name: 'utilisation', title: chartTerms.utilisation, unit: 'ratio', lines: busy, rules: [] });

  const waiting: LineSpec[] = [];
  if (scenario.tables) waiting.push({ key: 'tables', term: l.partiesWaiting, tone: 'waiting', value: (g) => g.tables?.waiting ?? null });
  if (scenario.staff) waiting.push({ key: 'staff', term: l.ticketsQueued, tone: 'busy', value: (g) => g.staff?.queued ?? null });
  if (waiting.length > 0) specs.push({ name: 'waiting', title: chartTerms.waiting, unit: 'count', lines: waiting, rules: [] });

  if (scenario.stations)
    specs.push({
      name: 'memory',
      title: chartTerms.memory,
      unit: 'ratio',
      lines: [
        { key: 'used', term: l.memoryUsed, tone: 'busy', value: (g) => (g.stations ? share(g.stations.usedBytes, g.stations.limitBytes) : null) },
        { key: 'fragmentation', term: l.fragmentation, tone: 'setup', value: (g) => g.stations?.heap.externalFragmentation ?? null },
      ],
      rules: [{ value: 1, term: l.memoryLimit }],
    });

  if (scenario.shelf)
    specs.push({
      name: 'hitRatio',
      title: chartTerms.hitRatio,
      unit: 'ratio',
      lines: [{ key: 'hitRatio', term: l.hitRatio, tone: 'used', value: (g) => g.shelf?.hitRatio ?? null }],
      rules: [],
    });
  return specs;
}

/** The line's value at each sample. */
export function pointsOf(series: readonly Gauges[], value: (g: Gauges) => number | null): Point[] {
  return series.map((g) => [g.atMs, value(g)] as const);
}

/**
 * At most about `maxPoints` points, keeping the shape: the points are cut into equal runs and each run keeps
 * its lowest and highest value (in time order; one point when they are the same, or a single gap when the
 * whole run is a gap). The last point is always kept. Returns `points` itself when it is short enough.
 */
export function downsample(points: readonly Point[], maxPoints: number): readonly Point[] {
  if (points.length <= maxPoints || maxPoints < 4) return points;
  const runLength = Math.ceil(points.length / Math.floor(maxPoints / 2));
  const out: Point[] = [];
  for (let start = 0; start < points.length; start += runLength) {
    const end = Math.min(points.length, start + runLength);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = points[i][1];
      if (v === null) continue;
      if (lo < 0 || v < (points[lo][1] as number)) lo = i;
      if (hi < 0 || v > (points[hi][1] as number)) hi = i;
    }
    if (lo < 0) out.push(points[start]);
    else if (lo === hi) out.push(points[lo]);
    else out.push(points[Math.min(lo, hi)], points[Math.max(lo, hi)]);
  }
  const last = points[points.length - 1];
  if (out[out.length - 1] !== last) out.push(last);
  return out;
}

/** The largest value of any line (0 when there is none). */
export function maxValue(lines: readonly (readonly Point[])[]): number {
  let max = 0;
  for (const line of lines) for (const [, v] of line) if (v !== null && v > max) max = v;
  return max;
}

/** Index of the last point at or before `atMs`, or -1. Points are in time order. */
function lastIndexAtOrBefore(points: readonly Point[], atMs: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid][0] <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The value of the last point at or before `atMs` (a gauge holds its reading until the next sample), or null. */
export function valueAt(points: readonly Point[], atMs: number): number | null {
  const i = lastIndexAtOrBefore(points, atMs);
  return i < 0 ? null : points[i][1];
}

/** The items whose time is at or before `atMs`, by binary search (the same array when all are). */
function until<T>(items: readonly T[], atMs: number, timeOf: (item: T) => number): readonly T[] {
  if (items.length === 0 || timeOf(items[items.length - 1]) <= atMs) return items;
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeOf(items[mid]) <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return items.slice(0, lo);
}

/** The points at or before `atMs`. */
export function pointsUntil(points: readonly Point[], atMs: number): readonly Point[] {
  return until(points, atMs, (p) => p[0]);
}

/** The samples taken at or before `atMs`. */
export function samplesUntil(series: readonly Gauges[], atMs: number): readonly Gauges[] {
  return until(series, atMs, (g) => g.atMs);
}
