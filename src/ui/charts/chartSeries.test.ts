import { describe, expect, it } from 'vitest';
import type { Gauges } from '../../sim/simulation.ts';
import { downsample, gaugeChartSpecs, maxValue, pointsOf, pointsUntil, samplesUntil, share, valueAt, type Point } from './chartSeries.ts';

const sample = (atMs: number, inUse: number, total: number, waiting: number): Gauges => ({
  atMs,
  tables: { inUse, idle: total - inUse, cleaning: 0, creating: 0, waiting, total, max: 10, byClass: {} as never },
});

describe('share()', () => {
  it('is part / whole, or null for an empty whole', () => {
    expect(share(3, 4)).toBe(0.75);
    expect(share(0, 0)).toBeNull();
  });
});

describe('gaugeChartSpecs()', () => {
  it('gives only the charts and lines of the kinds present', () => {
    const specs = gaugeChartSpecs({ tables: {} as never, stations: {} as never });
    expect(specs.map((s) => [s.name, s.unit, s.lines.map((l) => l.key)])).toEqual([
      ['utilisation', 'ratio', ['tables']],
      ['waiting', 'count', ['tables']],
      ['memory', 'ratio', ['used', 'fragmentation']],
    ]);
    expect(specs[2].rules.map((r) => r.value)).toEqual([1]);
    expect(gaugeChartSpecs({ shelf: {} as never }).map((s) => s.name)).toEqual(['hitRatio']);
    expect(gaugeChartSpecs({ staff: {} as never, ingredients: {} as never })[0].lines.map((l) => l.key)).toEqual(['staff', 'ingredients']);
  });

  it('reads utilisation as in use over total, with a gap when there are no tables', () => {
    const [utilisation, waiting] = gaugeChartSpecs({ tables: {} as never });
    const series = [sample(0, 0, 0, 0), sample(30_000, 3, 4, 2)];
    expect(pointsOf(series, utilisation.lines[0].value)).toEqual([
      [0, null],
      [30_000, 0.75],
    ]);
    expect(pointsOf(series, waiting.lines[0].value)).toEqual([
      [0, 0],
      [30_000, 2],
    ]);
  });
});

describe('downsample()', () => {
  it('returns short lines as they are', () => {
    const points: Point[] = [[0, 1], [1, 2]];
    expect(downsample(points, 10)).toBe(points);
  });

  it('keeps the lowest and highest of each run in time order, gaps, and the last point', () => {
    const points: Point[] = [
      [0, 5], [1, 1], [2, 9], [3, 4],
      [4, null], [5, null], [6, null], [7, null],
      [8, 2], [9, 2], [10, 2], [11, 3],
    ];
    expect(downsample(points, 6)).toEqual([
      [1, 1], [2, 9],
      [4, null],
      [8, 2], [11, 3],
    ]);
  });
});

describe('maxValue(), valueAt(), pointsUntil(), samplesUntil()', () => {
  const points: Point[] = [[0, 1], [30, null], [60, 4]];
  it('finds the largest value, ignoring gaps', () => {
    expect(maxValue([points, [[0, 2]]])).toBe(4);
    expect(maxValue([])).toBe(0);
  });
  it('reads the last value at or before a time', () => {
    expect(valueAt(points, -1)).toBeNull();
    expect(valueAt(points, 29)).toBe(1);
    expect(valueAt(points, 45)).toBeNull();
    expect(valueAt(points, 100)).toBe(4);
  });
  it('cuts lines and series at a time', () => {
    expect(pointsUntil(points, 30)).toEqual([[0, 1], [30, null]]);
    expect(pointsUntil(points, 60)).toBe(points);
    const series = [sample(0, 0, 1, 0), sample(30_000, 1, 1, 0)];
    expect(samplesUntil(series, 29_999).map((g) => g.atMs)).toEqual([0]);
  });
});
