/**
 * Geometry and words of a chart: its margins, the minute ticks of the time axis, the ticks and labels of each
 * unit, the time under a pointer and where a click seeks. Pure.
 *
 * @example
 * minuteTicks(3_600_000, 400) // [0, 600_000, 1_200_000, …, 3_600_000]: every 10 min
 * formatValue(0.724, 'ratio') // '72%'
 */
import { ticks } from 'd3';
import { formatDuration } from '../format.ts';
import type { ChartUnit } from './chartSeries.ts';

const MINUTE_MS = 60_000;

/** Space around the plot, in px, for the axes. */
export const MARGIN = { top: 8, right: 10, bottom: 20, left: 42 } as const;

/** Height of the plot area of every chart, in px. */
export const PLOT_HEIGHT = 120;

/** Ticks of the time axis (ms), at round minutes, about one per 70 px of plot. */
export function minuteTicks(durationMs: number, plotWidthPx: number): number[] {
  const count = Math.max(2, Math.floor(plotWidthPx / 70));
  return ticks(0, durationMs / MINUTE_MS, count)
    .filter(Number.isInteger)
    .map((m) => m * MINUTE_MS);
}

/** A time-axis tick: whole minutes, `45`. */
export function formatMinutes(atMs: number): string {
  return String(Math.round(atMs / MINUTE_MS));
}

/**
 * The top of the y axis for a chart whose largest value is `dataMax`: 100% at least for shares, 4 at least for
 * counts, a minute at least for durations, rounded up to a tick.
 */
export function yTop(unit: ChartUnit, dataMax: number): number {
  const floor = unit === 'ratio' ? 1 : unit === 'count' ? 4 : MINUTE_MS;
  const max = Math.max(floor, dataMax);
  if (unit === 'ratio') return max <= 1 ? 1 : Math.ceil(max * 4) / 4;
  const step = tickStep(unit, max);
  return Math.ceil(max / step) * step;
}

/** The distance between y ticks: whole numbers for counts, whole seconds or minutes for durations. */
function tickStep(unit: ChartUnit, top: number): number {
  if (unit === 'ratio') return 0.25;
  if (unit === 'count') {
    const t = ticks(0, top, 4);
    return Math.max(1, t.length > 1 ? t[1] - t[0] : top);
  }
  const inMinutes = top >= 2 * MINUTE_MS;
  const scale = inMinutes ? MINUTE_MS : 1_000;
  const t = ticks(0, top / scale, 4);
  return Math.max(1, t.length > 1 ? t[1] - t[0] : top / scale) * scale;
}

/** The y ticks from 0 to `top` (`top` from {@link yTop}). */
export function yTicks(unit: ChartUnit, top: number): number[] {
  const step = tickStep(unit, top);
  const out: number[] = [];
  for (let i = 0; i * step <= top + 1e-9; i++) out.push(Math.round(i * step * 1e6) / 1e6);
  return out;
}

/**
 * A y tick: `50%`, `12`, and durations in the axis's own unit, whole seconds below a 2-minute `top` (`80 s`),
 * else whole minutes (`4 min`).
 */
export function formatTick(value: number, unit: ChartUnit, top = value): string {
  if (unit === 'ratio') return `${Math.round(value * 100)}%`;
  if (unit === 'count') return String(value);
  if (value === 0) return '0';
  return top >= 2 * MINUTE_MS ? `${Math.round(value / MINUTE_MS)} min` : `${Math.round(value / 1_000)} s`;
}

/** A reading in a caption: `72%`, `3`, `1.5 min`; `–` for no reading. */
export function formatValue(value: number | null, unit: ChartUnit): string {
  if (value === null) return '–';
  if (unit === 'ratio') return `${Math.round(value * 100)}%`;
  if (unit === 'count') return String(Math.round(value * 10) / 10);
  return value === 0 ? '0 s' : formatDuration(value);
}

/** A signed difference: `+8 points`, `−2`, `+30 s`, `no difference`. */
export function formatDelta(delta: number, unit: ChartUnit): string {
  const rounded = unit === 'ratio' ? Math.round(delta * 100) : unit === 'count' ? Math.round(delta * 10) / 10 : Math.round(delta);
  if (rounded === 0) return 'no difference';
  const sign = rounded > 0 ? '+' : '−';
  const abs = Math.abs(rounded);
  if (unit === 'ratio') return `${sign}${abs} ${abs === 1 ? 'point' : 'points'}`;
  if (unit === 'count') return `${sign}${abs}`;
  return `${sign}${formatDuration(abs)}`;
}

/** The time under a pointer `px` from the plot's left edge, clamped to the service. */
export function timeAtX(px: number, plotWidthPx: number, durationMs: number): number {
  if (plotWidthPx <= 0) return 0;
  return Math.min(durationMs, Math.max(0, (px / plotWidthPx) * durationMs));
}

/** Where a click or Enter at `atMs` seeks: the nearest sample time, clamped to the service. */
export function snapTime(atMs: number, stepMs: number, durationMs: number): number {
  const snapped = stepMs > 0 ? Math.round(atMs / stepMs) * stepMs : atMs;
  return Math.min(durationMs, Math.max(0, snapped));
}
