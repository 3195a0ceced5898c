import { describe, expect, it } from 'vitest';
import { describeGoalValue, formatDuration, formatValue, goalResult, quantityOfMetric, seedResult, unitOfPath } from './goals.ts';
import type { Goal, SettingSpec } from './types.ts';

const goal = (g: Partial<Goal> & Record<string, unknown>): Goal => ({ id: 'g', text: 'A goal', op: '<=', value: 0, ...g }) as Goal;

describe('goal wording', () => {
  it('units from the metric path', () => {
    expect(['tables.waitMs.p95', 'staff.queueWaitMs.max', 'shelf.hitRatio', 'stations.externalFragmentation', 'stations.peakUsedBytes', 'stations.sizeDispersionPercent', 'tables.timedOut', 'tables.waitMs.count'].map(unitOfPath)).toEqual([
      'duration',
      'duration',
      'ratio',
      'ratio',
      'bytes',
      'percent',
      'count',
      'count',
    ]);
  });

  it('values in their unit', () => {
    expect(formatDuration(372_000)).toBe('6:12');
    expect(formatDuration(4_500_000)).toBe('75:00');
    expect(formatDuration(300_400, true)).toBe('5:00.4');
    expect(formatValue(0.4375, 'ratio')).toBe('43.8%');
    expect(formatValue(0.8, 'ratio')).toBe('80%');
    expect(formatValue(12_288, 'bytes')).toBe('12,288 bytes');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
  });

  it('names: curated, percentiles, and made from the path', () => {
    expect(quantityOfMetric('tables.waitMs.p95').name).toBe('p95 wait');
    expect(quantityOfMetric('tables.waitMs.p50').name).toBe('median wait');
    expect(quantityOfMetric('staff.queueWaitMs.max').name).toBe('longest ticket wait');
    expect(quantityOfMetric('tables.timedOut')).toEqual({ unit: 'count', one: 'acquire timeout', many: 'acquire timeouts', name: 'acquire timeouts' });
    expect(quantityOfMetric('victimAgeMs').name).toBe('victim age');
    expect(quantityOfMetric('stations.failures.somethingNew').name).toBe('stations failures something new');
  });

  it('a seed message: value, target, plain words', () => {
    const specs: SettingSpec[] = [];
    expect(seedResult(goal({ metric: 'tables.waitMs.p95', value: 300_000 }), specs, 12, 372_000, '')).toEqual({ seed: 12, actual: 372_000, status: 'fail', message: 'seed 12: p95 wait 6:12, needs at most 5:00' });
    expect(seedResult(goal({ metric: 'shelf.hitRatio', op: '>=', value: 0.8 }), specs, 3, 0.4375, '').message).toBe('seed 3: hit ratio 43.8%, needs at least 80%');
    expect(seedResult(goal({ metric: 'tables.timedOut' }), specs, 3, 1, '').message).toBe('seed 3: 1 acquire timeout, needs none');
    expect(seedResult(goal({ metric: 'tables.timedOut', op: '<', value: 3 }), specs, 3, 4, '').message).toBe('seed 3: 4 acquire timeouts, needs less than 3');
    expect(seedResult(goal({ event: 'fd.emfile', op: '==', value: 0 }), specs, 3, 2, '').message).toBe('seed 3: 2 fd.emfile events, needs none');
    expect(seedResult(goal({ metric: 'stations.peakUsedBytes', value: 12_288 }), specs, 3, 14_248, '').message).toBe('seed 3: peak memory 14,248 bytes, needs at most 12,288 bytes');
    expect(seedResult(goal({ metric: 'tables.waitMs.p95', value: 300_000 }), specs, 3, null, 'no value for tables.waitMs.p95')).toEqual({ seed: 3, actual: null, status: 'fail', message: 'seed 3: no value for tables.waitMs.p95' });
  });

  it('more precision when rounding would hide the difference', () => {
    expect(seedResult(goal({ metric: 'tables.waitMs.p95', value: 300_000 }), [], 1, 300_400, '').message).toBe('seed 1: p95 wait 5:00.4, needs at most 5:00');
    expect(seedResult(goal({ metric: 'shelf.hitRatio', op: '>=', value: 0.8 }), [], 1, 0.79996, '').message).toBe('seed 1: hit ratio 79.996%, needs at least 80%');
  });

  it('a settings budget: the total with the unit of its settings, no seed', () => {
    const specs: SettingSpec[] = [
      { path: 'a', label: 'A', term: 'a', unit: 'tables', min: 0, max: 9 },
      { path: 'b', label: 'B', term: 'b', unit: 'tables', min: 0, max: 9 },
    ];
    const g = goal({ settings: ['a', 'b'], value: 14 });
    expect(describeGoalValue(g, specs, 16)).toBe('total 16 tables, needs at most 14');
    expect(seedResult(g, specs, 5, 16, '').message).toBe('total 16 tables, needs at most 14');
  });

  it('over all seeds: the first failure, or the closest pass', () => {
    const g = goal({ metric: 'tables.waitMs.p95', value: 300_000 });
    const r = (seed: number, v: number) => seedResult(g, [], seed, v, '');
    expect(goalResult(g, [r(1, 100_000), r(2, 400_000), r(3, 500_000)]).message).toBe('seed 2: p95 wait 6:40, needs at most 5:00');
    expect(goalResult(g, [r(1, 100_000), r(2, 288_000), r(3, 200_000)])).toMatchObject({ status: 'pass', message: 'all 3 seeds pass; closest: seed 2: p95 wait 4:48, needs at most 5:00' });
  });
});
