import { describe, expect, it } from 'vitest';
import type { Gauges } from '../../sim/simulation.ts';
import { errorsModel, gaugeModels, readout, spokenReadout, waitsModel } from './chartModels.ts';
import { gaugeChartSpecs } from './chartSeries.ts';
import type { ErrorBar } from './errorBuckets.ts';

const sample = (atMs: number, inUse: number, waiting: number): Gauges => ({
  atMs,
  tables: { inUse, idle: 4 - inUse, cleaning: 0, creating: 0, waiting, total: 4, max: 4, byClass: {} as never },
});

describe('gaugeModels()', () => {
  const specs = gaugeChartSpecs({ tables: {} as never });
  const series = [sample(0, 0, 0), sample(30_000, 3, 6)];
  const other = [sample(0, 0, 0), sample(30_000, 2, 1)];

  it('draws this timeline, then the comparison dashed, and sizes the y axis', () => {
    const [utilisation, waiting] = gaugeModels(specs, series, other);
    expect(utilisation.lines.map((l) => [l.key, l.isComparison, l.points])).toEqual([
      ['tables', false, [[0, 0], [30_000, 0.75]]],
      ['tables', true, [[0, 0], [30_000, 0.5]]],
    ]);
    expect(utilisation.yTop).toBe(1);
    expect(waiting.yTop).toBe(6);
    expect(waiting.legend.map((l) => l.key)).toEqual(['tables']);
  });

  it('reads the latest values and the difference with the comparison', () => {
    const [utilisation, waiting] = gaugeModels(specs, series, other);
    const reading = readout(utilisation, 45_000);
    expect(reading.items.map((i) => [i.value, i.compared])).toEqual([['75%', { other: '50%', delta: '+25 points' }]]);
    expect(readout(waiting, 45_000).items.map((i) => [i.value, i.compared])).toEqual([['6', { other: '1', delta: '+5' }]]);
    expect(readout(waiting, 10_000).items.map((i) => [i.value, i.compared])).toEqual([['0', { other: '0', delta: null }]]);
    expect(spokenReadout(reading, (t) => t.label, 'Timeline 2')).toBe('00:45: Tables seated 75% (Timeline 2: 50%, +25 points)');
  });

  it('reads without a comparison', () => {
    const [utilisation] = gaugeModels(specs, series, null);
    const reading = readout(utilisation, 45_000);
    expect(reading.items.map((i) => [i.value, i.compared])).toEqual([['75%', null]]);
    expect(spokenReadout(reading, (t) => t.real, null)).toBe('00:45: connections in use / total 75%');
  });
});

describe('waitsModel()', () => {
  it('draws p50 and p95, with gaps where no party was seated', () => {
    const model = waitsModel(
      [
        { atMs: 60_000, count: 0, p50: null, p95: null },
        { atMs: 120_000, count: 3, p50: 30_000, p95: 150_000 },
      ],
      null,
    );
    expect(model.lines.map((l) => [l.key, l.points])).toEqual([
      ['p50', [[60_000, null], [120_000, 30_000]]],
      ['p95', [[60_000, null], [120_000, 150_000]]],
    ]);
    expect(model.yTop).toBe(180_000);
    expect(readout(model, 120_000).items.map((i) => i.value)).toEqual(['30 s', '2.5 min']);
  });
});

describe('errorsModel()', () => {
  const bars: ErrorBar[] = [
    { startMs: 0, endMs: 60_000, total: 3, segments: [{ kind: 'timeout', y0: 0, y1: 2, count: 2 }, { kind: 'rejection', y0: 2, y1: 3, count: 1 }] },
    { startMs: 120_000, endMs: 180_000, total: 1, segments: [{ kind: 'timeout', y0: 0, y1: 1, count: 1 }] },
  ];

  it('reads the errors of each kind so far, and the comparison total', () => {
    const model = errorsModel(bars, ['timeout', 'rejection'], [[30_000, 1], [90_000, 0], [150_000, 0]]);
    expect(model.yTop).toBe(4);
    expect(readout(model, 150_000).items.map((i) => [i.key, i.value, i.compared])).toEqual([
      ['timeout', '3', null],
      ['rejection', '1', null],
      ['total', '4', { other: '1', delta: '+3' }],
    ]);
    expect(readout(model, 60_000).items.map((i) => i.value)).toEqual(['2', '1', '3']);
    expect(readout(errorsModel(bars, ['timeout'], null), 60_000).items.map((i) => i.value)).toEqual(['2']);
  });
});
