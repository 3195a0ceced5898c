import { describe, expect, it } from 'vitest';
import { builtInScenarios } from '../sim/builtInScenarios.ts';
import { scenarioOrThrow } from '../sim/scenario.ts';
import { createTimeline, replay, type TimedCommand } from '../sim/timeline.ts';
import type { Task } from './lessonSchema.ts';
import { countEvents, describeBrokenLimits, describeUnmetGoals, evaluateTask, formatNumber, readMetric, readPath, resolveMoment, runToEnd } from './lessonRuns.ts';

const tables = scenarioOrThrow(builtInScenarios.tables);
const base = createTimeline(tables, 7);
const smallMax = (atMs: number, max: number): TimedCommand => ({ atMs, command: { kind: 'tables', changes: { small: { min: 4, max } } } });

const task: Task = {
  prompt: [],
  goal: [
    { metric: 'parties.timedOut', op: '<=', value: 2, label: [] },
    { metric: 'tables.waiting', op: '==', value: 0, label: [] },
  ],
  limits: [{ limit: 'tables.small.max', atMost: 14, atLeast: null, label: null }],
  runToMs: 3_600_000,
  solution: [smallMax(0, 14)],
};

describe('resolveMoment()', () => {
  it('resolveMoment() lands just after the group holding the n-th event of the type', () => {
    const target = resolveMoment({ kind: 'event', eventType: 'acquire.timedOut', n: 1, text: 'moment:acquire.timedOut#1' }, base);
    expect(target).toEqual({ eventIndex: 88 });
    const p = replay(base, target!);
    // The timeout and the party leaving are one group: the playhead stands after both.
    expect(p.eventIndex).toBe(89);
    expect(p.sim.log.events[87]).toMatchObject({ type: 'acquire.timedOut', atMs: 2_149_263 });
    expect(p.sim.log.count('acquire.timedOut')).toBe(1);
  });

  it('resolveMoment() finds the last timeout of the run and nothing past it', () => {
    expect(resolveMoment({ kind: 'event', eventType: 'acquire.timedOut', n: 8, text: '' }, base)).toEqual({ eventIndex: 136 });
    expect(resolveMoment({ kind: 'event', eventType: 'acquire.timedOut', n: 9, text: '' }, base)).toBeNull();
    expect(resolveMoment({ kind: 'event', eventType: 'fd.emfile', n: 1, text: '' }, base)).toBeNull();
  });

  it('resolveMoment() gives a time moment as its time', () => {
    expect(resolveMoment({ kind: 'time', atMs: 300_000, text: '5:00' }, base)).toEqual({ atMs: 300_000 });
  });
});

describe('runToEnd()', () => {
  it('runToEnd() runs equal timelines once (cached by content) and records refusals', () => {
    const a = runToEnd(createTimeline(tables, 7, [smallMax(0, 14)]));
    expect(runToEnd(createTimeline(tables, 7, [smallMax(0, 14)]))).toBe(a);
    expect(a.refusals).toEqual([]);
    const refused = runToEnd(createTimeline(tables, 7, [{ atMs: 0, command: { kind: 'staff', changes: { maxPoolSize: 4 } } }]));
    expect(refused.refusals).toEqual([{ commandIndex: 0, atMs: 0, message: 'staff: this scenario has no staff (thread pool) to change' }]);
  });

  it('countEvents() counts a type over the whole service', () => {
    expect(countEvents(base, 'acquire.timedOut')).toBe(8);
    expect(countEvents(base, 'table.unhealthy')).toBe(0);
  });
});

describe('evaluateTask()', () => {
  it('evaluateTask() is not met on the setup alone, with the actual values', () => {
    const r = evaluateTask(task, base);
    expect(r.isMet).toBe(false);
    expect(r.atMs).toBe(3_600_000);
    expect(r.goals.map((g) => [g.actual, g.isMet])).toEqual([
      [8, false],
      [0, true],
    ]);
    expect(r.limits.map((l) => [l.lowest, l.highest, l.isMet])).toEqual([[8, 8, true]]);
    expect(describeUnmetGoals(r)).toEqual(['parties.timedOut <= 2 (is 8)']);
    expect(describeBrokenLimits(r)).toEqual([]);
  });

  it('evaluateTask() is met by the solution added to the setup', () => {
    const r = evaluateTask(task, createTimeline(tables, 7, task.solution));
    expect(r.isMet).toBe(true);
    expect(r.goals.map((g) => g.actual)).toEqual([2, 0]);
    expect(r.limits.map((l) => [l.lowest, l.highest])).toEqual([[8, 14]]);
  });

  it('evaluateTask() breaks "at most" when a limit went over it, even if lowered again before the end', () => {
    const r = evaluateTask(task, createTimeline(tables, 7, [smallMax(0, 20), smallMax(1_800_000, 12)]));
    expect(r.isMet).toBe(false);
    expect(r.limits.map((l) => [l.lowest, l.highest, l.isMet])).toEqual([[8, 20, false]]);
    expect(describeBrokenLimits(r)).toEqual(['tables.small.max at most 14 (reaches 20)']);
    expect(describeUnmetGoals(r)).toEqual(['parties.timedOut <= 2 (is 4)']);
  });

  it('evaluateTask() checks at runToMs, ignoring commands after it', () => {
    const r = evaluateTask({ ...task, runToMs: 1_200_000 }, createTimeline(tables, 7, [smallMax(1_500_000, 30)]));
    expect(r.atMs).toBe(1_200_000);
    expect(r.isMet).toBe(true);
    expect(r.goals.map((g) => g.actual)).toEqual([0, 0]);
    expect(r.limits.map((l) => l.highest)).toEqual([8]);
  });

  it('evaluateTask() reports a path that is not a number as null and not met', () => {
    const r = evaluateTask({ ...task, goal: [{ metric: 'tables.waitMs', op: '<=', value: 1, label: [] }], limits: [{ limit: 'tables.tiny', atMost: 1, atLeast: null, label: null }] }, base);
    expect(r.goals.map((g) => [g.actual, g.isMet])).toEqual([[null, false]]);
    expect(r.limits.map((l) => [l.lowest, l.highest, l.isMet])).toEqual([[null, null, false]]);
    expect(describeUnmetGoals(r)).toEqual(['tables.waitMs <= 1 (is missing)']);
    expect(describeBrokenLimits(r)).toEqual(['tables.tiny (not a limit of this run)']);
  });
});

describe('readMetric() and readPath()', () => {
  const p = replay(base, { atMs: 3_600_000 });
  const metrics = p.sim.metrics();
  const gauges = p.sim.gauges();

  it('readMetric() reads the metrics first, then the gauges', () => {
    expect(readMetric('parties.timedOut', metrics, gauges)).toBe(8);
    expect(readMetric('tables.waiting', metrics, gauges)).toBe(0);
    expect(readMetric('tables.byClass.small.max', metrics, gauges)).toBe(8);
    expect(readMetric('tables.nope', metrics, gauges)).toBeUndefined();
  });

  it('readPath() follows own properties only', () => {
    expect(readPath({ a: { b: 3 } }, 'a.b')).toBe(3);
    expect(readPath({ a: { b: 3 } }, 'a.constructor')).toBeUndefined();
    expect(readPath({ a: [5, 6] }, 'a.1')).toBe(6);
    expect(readPath({ a: 1 }, 'a.b')).toBeUndefined();
  });

  it('formatNumber() keeps integers and rounds the rest to 4 decimals', () => {
    expect(formatNumber(12)).toBe('12');
    expect(formatNumber(0.4262295081967213)).toBe('0.4262');
  });
});
