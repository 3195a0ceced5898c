/**
 * The forecast each chart draws after now: the whole service of the active timeline under the limits in
 * force ("if nothing else changes"), shaped once per forecast run into plain data (its lines, its error bars,
 * its largest value, where it starts being drawn and its end-of-service reading), plus the few per-frame
 * questions about it (from when to draw it, how tall the axis must be, what the readout says at a time after
 * now). Up to now the forecast and the past are the same run, so a chart draws the forecast from now on
 * only (an SVG clip), and the points here never change while playing. Pure.
 *
 * @example
 * const plots = gaugeForecasts(gaugeChartSpecs(scenario), forecast.series, durationMs, scenario.sampleEveryMs);
 * forecastStartMs(1_215_000, plots[0].align);  // 1_200_000: the last sample the live line reaches
 * plots[0].end.value;                           // '12%': tables seated at the end of the service
 */
import type { Gauges } from '../../sim/simulation.ts';
import type { Tone } from '../gaugeRows.ts';
import { chartLineTerms, type Term } from '../vocabulary.ts';
import { formatValue, yTop } from './chartFormat.ts';
import { errorsModel, gaugeModels, MAX_POINTS, readout, waitsModel, type ChartModel, type PlotLine, type Readout } from './chartModels.ts';
import { maxValue, valueAt, type ChartName, type ChartUnit, type GaugeChartSpec } from './chartSeries.ts';
import { ERROR_BUCKET_MS, type ErrorBar } from './errorBuckets.ts';
import type { ErrorKind } from './notable.ts';
import type { WaitPoint } from './waitWindows.ts';

/**
 * Where the forecast starts being drawn, relative to now: rounded down to `stepMs` (lines of sampled gauges
 * join the last sample the live line reaches), rounded up (error bars start with the first minute not yet
 * begun), or now itself (`stepMs` 0).
 */
export interface ForecastAlign {
  stepMs: number;
  round: 'floor' | 'ceil';
}

/** The chart's main reading at the end of the service: `by 60:00: 12%`. */
export interface ForecastEnd {
  /** The readout item it follows (the main line's key), or null to stand as an item of its own. */
  afterKey: string | null;
  term: Term;
  tone: Tone | null;
  atMs: number;
  /** Formatted in the chart's unit. */
  value: string;
}

/** One chart's forecast: the whole service, drawn from {@link forecastStartMs} on. */
export interface ForecastPlot {
  name: ChartName;
  unit: ChartUnit;
  lines: PlotLine[];
  bars: ErrorBar[];
  /** The largest value drawn (0 when none). */
  max: number;
  align: ForecastAlign;
  end: ForecastEnd;
}

function plotOf(model: ChartModel, align: ForecastAlign, end: ForecastEnd): ForecastPlot {
  const barMax = model.bars.reduce((m, b) => Math.max(m, b.total), 0);
  return { name: model.name, unit: model.unit, lines: model.lines, bars: model.bars, max: Math.max(barMax, maxValue(model.lines.map((l) => l.points))), align, end };
}

/** The main (first) line's value at the end of the service, after its own readout item. */
function lineEnd(model: ChartModel, durationMs: number): ForecastEnd {
  const main = model.lines[0];
  return {
    afterKey: main?.key ?? null,
    term: main?.term ?? model.title,
    tone: main?.tone ?? null,
    atMs: durationMs,
    value: formatValue(main ? valueAt(main.points, durationMs) : null, model.unit),
  };
}

/** The gauge charts' forecasts from the whole service's samples (`series` up to `durationMs`). */
export function gaugeForecasts(specs: readonly GaugeChartSpec[], series: readonly Gauges[], durationMs: number, sampleEveryMs: number, maxPoints = MAX_POINTS): ForecastPlot[] {
  const align: ForecastAlign = { stepMs: sampleEveryMs, round: 'floor' };
  return gaugeModels(specs, series, null, maxPoints).map((model) => plotOf(model, align, lineEnd(model, durationMs)));
}

/** The wait chart's forecast from the whole service's wait points (`waitPoints(state, durationMs)`). */
export function waitsForecast(points: readonly WaitPoint[], durationMs: number): ForecastPlot {
  const model = waitsModel(points, null);
  return plotOf(model, { stepMs: 0, round: 'floor' }, lineEnd(model, durationMs));
}

/** The error chart's forecast: the whole service's bars, and all its errors by the end. */
export function errorsForecast(bars: ErrorBar[], kinds: readonly ErrorKind[], durationMs: number): ForecastPlot {
  const total = bars.reduce((n, b) => n + b.total, 0);
  return plotOf(errorsModel(bars, kinds, null), { stepMs: ERROR_BUCKET_MS, round: 'ceil' }, { afterKey: 'total', term: chartLineTerms.errorsTotal, tone: null, atMs: durationMs, value: String(total) });
}

/** From when the forecast is drawn, for the playhead at `nowMs` (see {@link ForecastAlign}). */
export function forecastStartMs(nowMs: number, align: ForecastAlign): number {
  if (align.stepMs <= 0) return nowMs;
  const steps = nowMs / align.stepMs;
  return (align.round === 'floor' ? Math.floor(steps) : Math.ceil(steps)) * align.stepMs;
}

/** The top of the y axis with the forecast drawn too: `modelTop` unless the forecast goes higher. */
export function forecastTop(unit: ChartUnit, modelTop: number, plot: ForecastPlot | null): number {
  return plot === null || plot.max <= modelTop ? modelTop : yTop(unit, plot.max);
}

/**
 * What a chart reads at `atMs`: the past's reading up to now, and after now (with a forecast) the forecast's:
 * its lines' values, or its errors so far. `isForecast` says which.
 */
export function readoutAt(model: ChartModel, plot: ForecastPlot | null, nowMs: number, atMs: number): { reading: Readout; isForecast: boolean } {
  if (plot === null || atMs <= nowMs) return { reading: readout(model, atMs), isForecast: false };
  return { reading: readout({ ...model, lines: plot.lines, bars: plot.bars }, atMs), isForecast: true };
}

/** The end of the forecast in a sentence for a screen reader: `if nothing else changes, by 60:00: Tables seated 12%`. */
export function spokenForecastEnd(end: ForecastEnd, termText: (term: Term) => string, formatClock: (atMs: number) => string): string {
  return `if nothing else changes, by ${formatClock(end.atMs)}: ${termText(end.term)} ${end.value}`;
}
