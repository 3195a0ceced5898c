/**
 * Everything one chart draws, as plain data: its lines (this timeline's, then the comparison's, dashed), its
 * bars (the error chart), its legend, reference rules and the top of its y axis; and the readout of a chart
 * at a time (its caption: the values then, and the difference with the comparison). Pure.
 *
 * @example
 * const models = gaugeModels(gaugeChartSpecs(scenario), series, null);
 * readout(models[0], nowMs).items[0].value // '72%'
 */
import type { Gauges } from '../../sim/simulation.ts';
import { formatClock } from '../format.ts';
import type { Tone } from '../gaugeRows.ts';
import { chartLineTerms, chartTerms, notableTerms, type Term } from '../vocabulary.ts';
import { formatDelta, formatValue, yTop } from './chartFormat.ts';
import { downsample, maxValue, pointsOf, valueAt, type ChartName, type ChartUnit, type GaugeChartSpec, type Point, type Rule } from './chartSeries.ts';
import { ERROR_BUCKET_MS, type ErrorBar } from './errorBuckets.ts';
import { notableTones, type ErrorKind } from './notable.ts';
import type { WaitPoint } from './waitWindows.ts';

/** Points per line at most before downsampling (a one-hour service sampled every 30 s has 121). */
export const MAX_POINTS = 480;

export interface PlotLine {
  key: string;
  term: Term;
  tone: Tone;
  points: readonly Point[];
  /** True for the comparison timeline's line (drawn dashed, in a muted tone). */
  isComparison: boolean;
}

export interface LegendItem {
  key: string;
  term: Term;
  tone: Tone;
}

export interface ChartModel {
  name: ChartName;
  title: Term;
  unit: ChartUnit;
  lines: PlotLine[];
  /** Stacked bars (the error chart only). */
  bars: ErrorBar[];
  legend: LegendItem[];
  rules: Rule[];
  /** The top of the y axis. */
  yTop: number;
}

function finish(model: Omit<ChartModel, 'yTop'>): ChartModel {
  const barMax = model.bars.reduce((m, b) => Math.max(m, b.total), 0);
  const dataMax = Math.max(barMax, maxValue(model.lines.map((l) => l.points)), ...model.rules.map((r) => r.value));
  return { ...model, yTop: yTop(model.unit, dataMax) };
}

/** The gauge charts (`specs` from `gaugeChartSpecs`) of `series`, with `comparison`'s lines when given. */
export function gaugeModels(specs: readonly GaugeChartSpec[], series: readonly Gauges[], comparison: readonly Gauges[] | null, maxPoints = MAX_POINTS): ChartModel[] {
  return specs.map((spec) => {
    const lines: PlotLine[] = spec.lines.map((line) => ({ key: line.key, term: line.term, tone: line.tone, points: downsample(pointsOf(series, line.value), maxPoints), isComparison: false }));
    if (comparison)
      for (const line of spec.lines)
        lines.push({ key: line.key, term: line.term, tone: line.tone, points: downsample(pointsOf(comparison, line.value), maxPoints), isComparison: true });
    return finish({
      name: spec.name,
      title: spec.title,
      unit: spec.unit,
      lines,
      bars: [],
      legend: spec.lines.map((line) => ({ key: line.key, term: line.term, tone: line.tone })),
      rules: spec.rules,
    });
  });
}

function waitLines(points: readonly WaitPoint[], isComparison: boolean): PlotLine[] {
  return [
    { key: 'p50', term: chartLineTerms.waitP50, tone: 'setup', points: points.map((p) => [p.atMs, p.p50] as const), isComparison },
    { key: 'p95', term: chartLineTerms.waitP95, tone: 'waiting', points: points.map((p) => [p.atMs, p.p95] as const), isComparison },
  ];
}

/** The wait-time chart: p50 and p95 of the trailing window at each point. */
export function waitsModel(points: readonly WaitPoint[], comparison: readonly WaitPoint[] | null): ChartModel {
  const lines = waitLines(points, false);
  return finish({
    name: 'waits',
    title: chartTerms.waits,
    unit: 'duration',
    lines: comparison ? [...lines, ...waitLines(comparison, true)] : lines,
    bars: [],
    legend: lines.map((l) => ({ key: l.key, term: l.term, tone: l.tone })),
    rules: [],
  });
}

/**
 * The error chart: `bars` stacked by kind, and the comparison's errors per minute (all kinds together) as a
 * dashed line through the middle of each minute.
 */
export function errorsModel(bars: ErrorBar[], kinds: readonly ErrorKind[], comparisonTotals: readonly Point[] | null): ChartModel {
  return finish({
    name: 'errors',
    title: chartTerms.errors,
    unit: 'count',
    lines: comparisonTotals ? [{ key: 'total', term: chartLineTerms.errorsTotal, tone: 'busy', points: comparisonTotals, isComparison: true }] : [],
    bars,
    legend: kinds.map((k) => ({ key: k, term: notableTerms[k], tone: notableTones[k] })),
    rules: [],
  });
}

export interface ReadoutItem {
  key: string;
  term: Term;
  /** The swatch's colour; null for a total that has no colour of its own. */
  tone: Tone | null;
  /** This timeline's reading: `72%`. */
  value: string;
  /** The comparison's reading and the difference (this minus the other; null when either has none or they round equal). */
  compared: { other: string; delta: string | null } | null;
}

/** What a chart says at one time. */
export interface Readout {
  atMs: number;
  items: ReadoutItem[];
}

/** Errors of one kind in the bars that start at or before `atMs`. */
function errorsUntil(bars: readonly ErrorBar[], kind: string, atMs: number): number {
  let n = 0;
  for (const b of bars) if (b.startMs <= atMs) for (const s of b.segments) if (s.kind === kind) n += s.count;
  return n;
}

/** Sum of the per-minute points of the minutes that start at or before `atMs`. */
function totalUntil(points: readonly Point[], atMs: number): number {
  let n = 0;
  for (const [t, v] of points) if (t - ERROR_BUCKET_MS / 2 <= atMs) n += v ?? 0;
  return n;
}

function compared(value: number | null, other: number | null, unit: ChartUnit): ReadoutItem['compared'] {
  const delta = value === null || other === null ? null : formatDelta(value - other, unit);
  return { other: formatValue(other, unit), delta: delta === 'no difference' ? null : delta };
}

/**
 * The values of each legend entry at `atMs`: each line's last reading at or before then; for the error
 * chart, the errors of each kind so far (up to the end of the minute of `atMs`), and with a comparison one
 * more entry comparing the totals. With a comparison, each reading carries the other timeline's and the
 * difference.
 */
export function readout(model: ChartModel, atMs: number): Readout {
  if (model.name === 'errors') {
    const counts = model.legend.map((k) => errorsUntil(model.bars, k.key, atMs));
    const items: ReadoutItem[] = model.legend.map((k, i) => ({ ...k, value: String(counts[i]), compared: null }));
    const cmp = model.lines.find((l) => l.isComparison);
    if (cmp) {
      const own = counts.reduce((a, b) => a + b, 0);
      items.push({ key: 'total', term: chartLineTerms.errorsTotal, tone: null, value: String(own), compared: compared(own, totalUntil(cmp.points, atMs), 'count') });
    }
    return { atMs, items };
  }
  const items = model.lines
    .filter((l) => !l.isComparison)
    .map((line) => {
      const value = valueAt(line.points, atMs);
      const other = model.lines.find((l) => l.isComparison && l.key === line.key);
      return { key: line.key, term: line.term, tone: line.tone, value: formatValue(value, model.unit), compared: other ? compared(value, valueAt(other.points, atMs), model.unit) : null };
    });
  return { atMs, items };
}

/** The readout in one sentence for a screen reader: `12:30: Tables seated 72% (Timeline 1: 64%, +8 points), …`. */
export function spokenReadout(reading: Readout, termText: (term: Term) => string, comparisonLabel: string | null): string {
  const parts = reading.items.map((i) => {
    const other = i.compared && comparisonLabel !== null ? ` (${comparisonLabel}: ${i.compared.other}${i.compared.delta ? `, ${i.compared.delta}` : ''})` : '';
    return `${termText(i.term)} ${i.value}${other}`;
  });
  return `${formatClock(reading.atMs)}: ${parts.join(', ')}`;
}
