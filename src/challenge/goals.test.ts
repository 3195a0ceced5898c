import { describe, expect, it } from 'vitest';
import { describeGoalValue, formatDuration, formatValue, goalResult, quantityOfEvent, quantityOfMetric, seedResult, unitOfPath } from './goals.ts';
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
    expect(seedResult(goal({ event: 'fd.emfile', op: '==', value: 0 }), specs, 3, 2, '').message).toBe('seed 3: 2 ingredients refused, pantry full (EMFILE), needs none');
    expect(seedResult(goal({ metric: 'stations.peakUsedBytes', value: 12_288 }), specs, 3, 14_248, '').message).toBe('seed 3: peak memory 14,248 bytes, needs at most 12,288 bytes');
    expect(seedResult(goal({ metric: 'tables.waitMs.p95', value: 300_000 }), specs, 3, null, 'no value for tables.waitMs.p95')).toEqual({ seed: 3, actual: null, status: 'fail', message: 'seed 3: no value for tables.waitMs.p95' });
  });

  it('events in plain words, with a readable fallback for a type without nouns', () => {
    const m = (event: string, actual: number, op: Goal['op'] = '==', value = 0) => seedResult(goal({ event, op, value }), [], 11, actual, '').message;
    expect(m('acquire.timedOut', 20)).toBe('seed 11: 20 parties gave up waiting, needs none');
    expect(m('acquire.timedOut', 1)).toBe('seed 11: 1 party gave up waiting, needs none');
    expect(m('acquire.refused', 3)).toBe('seed 11: 3 parties turned away (no table fits), needs none');
    expect(m('acquire.overdue', 2)).toBe('seed 11: 2 parties left waiting past the timeout, needs none');
    expect(m('table.unhealthySeated', 1)).toBe('seed 11: 1 party seated at a wobbly table, needs none');
    expect(m('task.callerRan', 7, '<=', 4)).toBe('seed 11: 7 tickets the host cooked, needs at most 4');
    expect(m('task.rejected', 5)).toBe('seed 11: 5 rejected tickets, needs none');
    expect(m('task.discarded', 5)).toBe('seed 11: 5 discarded tickets, needs none');
    expect(m('fd.ebadf', 1)).toBe('seed 11: 1 ingredient used after it was put back (EBADF), needs none');
    expect(m('heap.oom', 4)).toBe('seed 11: 4 dishes the banquet area found no span for (heap OOM), needs none');
    expect(m('limit.exceeded', 9)).toBe('seed 11: 9 requests refused at a global limit, needs none');
    expect(m('batch.itemFailed', 2)).toBe('seed 11: 2 batch items failed, needs none');
    expect(m('service.starved', 3)).toBe('seed 11: 3 moments the dinner service was short of a resource, needs none');
    expect(m('block.reclaimedInUse', 1)).toBe('seed 11: 1 block taken from a cook still using it, needs none');
    expect(m('block.reclaimedInUse', 2)).toBe('seed 11: 2 blocks taken from cooks still using them, needs none');
    expect(quantityOfEvent('cache.evicted')).toEqual({ unit: 'count', one: 'eviction', many: 'evictions', name: 'evictions' });
    expect(m('pick.called', 4, '<=', 10)).toBe('seed 11: 4 pick called events, needs at most 10');
    expect(m('table.leakCleared', 1)).toBe('seed 11: 1 table leak cleared event, needs none');
  });

  it('a ratio named by a phrase, and an exact 100% target', () => {
    const g = goal({ metric: 'lruAgreementRatio', op: '==', value: 1 });
    expect(unitOfPath('lruAgreementRatio')).toBe('ratio');
    expect(seedResult(g, [], 7, 0, '').message).toBe('seed 7: evictions that picked the least recently used dish: 0%, needs 100%');
    expect(seedResult(g, [], 7, 902 / 1379, '').message).toBe('seed 7: evictions that picked the least recently used dish: 65.4%, needs 100%');
    expect(seedResult(goal({ metric: 'shelf.hitRatio', op: '==', value: 0.5 }), [], 7, 0.25, '').message).toBe('seed 7: hit ratio 25%, needs exactly 50%');
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
    expect(goalResult(g, [r(1, 100_000), r(2, 100_000)]).message).toBe('both seeds pass; each: p95 wait 1:40, needs at most 5:00');
    expect(goalResult(g, [r(4, 100_000)]).message).toBe('the seed passes; seed 4: p95 wait 1:40, needs at most 5:00');
  });

  it('over all seeds with the same value everywhere: no "closest"', () => {
    const g = goal({ event: 'acquire.timedOut', op: '==', value: 0 });
    const r = (seed: number, v: number) => seedResult(g, [], seed, v, '');
    expect(goalResult(g, [r(11, 0), r(12, 0), r(13, 0), r(14, 0)]).message).toBe('all 4 seeds pass; each: 0 parties gave up waiting, needs none');
    const t = goal({ event: 'task.callerRan', op: '<=', value: 4 });
    const q = (seed: number, v: number) => seedResult(t, [], seed, v, '');
    expect(goalResult(t, [q(11, 1), q(12, 3), q(13, 3)]).message).toBe('all 3 seeds pass; closest: seed 12: 3 tickets the host cooked, needs at most 4');
  });
});
