import { describe, expect, it } from 'vitest';
import type { Gauges } from '../../sim/simulation.ts';
import { formatClock } from '../format.ts';
import { errorsModel, gaugeModels } from './chartModels.ts';
import { gaugeChartSpecs } from './chartSeries.ts';
import type { ErrorBar } from './errorBuckets.ts';
import { errorsForecast, forecastStartMs, forecastTop, gaugeForecasts, readoutAt, spokenForecastEnd, waitsForecast } from './forecast.ts';

const sample = (atMs: number, inUse: number, waiting: number): Gauges => ({
  atMs,
  tables: { inUse, idle: 4 - inUse, cleaning: 0, creating: 0, waiting, total: 4, max: 4, byClass: {} as never },
});

const specs = gaugeChartSpecs({ tables: {} as never });
/** A 90 s service sampled every 30 s: the past is the first two samples, the forecast all four. */
const past = [sample(0, 0, 0), sample(30_000, 2, 0)];
const whole = [...past, sample(60_000, 4, 7), sample(90_000, 1, 2)];

describe('gaugeForecasts()', () => {
  const [utilisation, waiting] = gaugeForecasts(specs, whole, 90_000, 30_000);

  it('keeps the whole service as lines, with their largest value', () => {
    expect(utilisation.lines.map((l) => [l.key, l.isComparison, l.points])).toEqual([
      ['tables', false, [[0, 0], [30_000, 0.5], [60_000, 1], [90_000, 0.25]]],
    ]);
    expect(utilisation.max).toBe(1);
    expect(waiting.max).toBe(7);
    expect(utilisation.align).toEqual({ stepMs: 30_000, round: 'floor' });
  });

  it('reads the main line at the end of the service, after its own readout item', () => {
    expect(utilisation.end).toEqual({ afterKey: 'tables', term: specs[0].lines[0].term, tone: 'busy', atMs: 90_000, value: '25%' });
    expect(waiting.end.value).toBe('2');
  });
});

describe('waitsForecast()', () => {
  it('draws p50 and p95 from now on, and ends on the typical wait', () => {
    const plot = waitsForecast(
      [
        { atMs: 60_000, count: 1, p50: 0, p95: 0 },
        { atMs: 120_000, count: 4, p50: 30_000, p95: 240_000 },
      ],
      120_000,
    );
    expect(plot.lines.map((l) => [l.key, l.points])).toEqual([
      ['p50', [[60_000, 0], [120_000, 30_000]]],
      ['p95', [[60_000, 0], [120_000, 240_000]]],
    ]);
    expect(plot.max).toBe(240_000);
    expect(plot.align).toEqual({ stepMs: 0, round: 'floor' });
    expect(plot.end).toMatchObject({ afterKey: 'p50', atMs: 120_000, value: '30 s' });
  });
});

describe('errorsForecast()', () => {
  const bars: ErrorBar[] = [
    { startMs: 0, endMs: 60_000, total: 3, segments: [{ kind: 'timeout', y0: 0, y1: 2, count: 2 }, { kind: 'rejection', y0: 2, y1: 3, count: 1 }] },
    { startMs: 120_000, endMs: 180_000, total: 5, segments: [{ kind: 'timeout', y0: 0, y1: 5, count: 5 }] },
  ];

  it('keeps the bars, their tallest total, and counts every error by the end', () => {
    const plot = errorsForecast(bars, ['timeout', 'rejection'], 180_000);
    expect(plot.bars).toBe(bars);
    expect(plot.lines).toEqual([]);
    expect(plot.max).toBe(5);
    expect(plot.align).toEqual({ stepMs: 60_000, round: 'ceil' });
    expect(plot.end).toMatchObject({ afterKey: 'total', tone: null, atMs: 180_000, value: '8' });
  });
});

describe('forecastStartMs()', () => {
  it('joins the last sample, starts at the next whole minute, or at now', () => {
    expect(forecastStartMs(1_215_000, { stepMs: 30_000, round: 'floor' })).toBe(1_200_000);
    expect(forecastStartMs(1_215_000, { stepMs: 60_000, round: 'ceil' })).toBe(1_260_000);
    expect(forecastStartMs(1_200_000, { stepMs: 60_000, round: 'ceil' })).toBe(1_200_000);
    expect(forecastStartMs(1_215_000, { stepMs: 0, round: 'floor' })).toBe(1_215_000);
  });
});

describe('forecastTop()', () => {
  const [, waiting] = gaugeForecasts(specs, whole, 90_000, 30_000);

  it('raises the axis only when the forecast goes higher than the past', () => {
    expect(forecastTop('count', 4, waiting)).toBe(8);
    expect(forecastTop('count', 10, waiting)).toBe(10);
    expect(forecastTop('count', 4, null)).toBe(4);
  });
});

describe('readoutAt()', () => {
  const [model] = gaugeModels(specs, past, null);
  const [plot] = gaugeForecasts(specs, whole, 90_000, 30_000);

  it('reads the past up to now, and the forecast after now', () => {
    expect(readoutAt(model, plot, 45_000, 30_000)).toMatchObject({ isForecast: false, reading: { atMs: 30_000, items: [{ value: '50%' }] } });
    expect(readoutAt(model, plot, 45_000, 75_000)).toMatchObject({ isForecast: true, reading: { atMs: 75_000, items: [{ value: '100%', compared: null }] } });
    expect(readoutAt(model, null, 45_000, 75_000)).toMatchObject({ isForecast: false, reading: { items: [{ value: '50%' }] } });
  });

  it('counts the forecast errors so far after now', () => {
    const bars: ErrorBar[] = [
      { startMs: 0, endMs: 60_000, total: 1, segments: [{ kind: 'timeout', y0: 0, y1: 1, count: 1 }] },
      { startMs: 60_000, endMs: 120_000, total: 2, segments: [{ kind: 'timeout', y0: 0, y1: 2, count: 2 }] },
    ];
    const errors = errorsModel(bars.slice(0, 1), ['timeout'], null);
    expect(readoutAt(errors, errorsForecast(bars, ['timeout'], 120_000), 30_000, 90_000).reading.items.map((i) => i.value)).toEqual(['3']);
  });
});

describe('spokenForecastEnd()', () => {
  it('says what the main line reaches by the end', () => {
    const [plot] = gaugeForecasts(specs, whole, 90_000, 30_000);
    expect(spokenForecastEnd(plot.end, (t) => t.label, formatClock)).toBe('if nothing else changes, by 01:30: Tables seated 25%');
  });
});
