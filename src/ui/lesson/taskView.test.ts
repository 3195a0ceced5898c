import { describe, expect, it } from 'vitest';
import type { TaskResult } from '../../lessons/lessonRuns.ts';
import type { Condition, Constraint } from '../../lessons/lessonSchema.ts';
import { constraintText, formatPathValue, goalRows, limitRows, verdictText } from './taskView.ts';

const t = (text: string) => [{ kind: 'text' as const, text }];

const waitGoal: Condition = { metric: 'tables.waitMs.p95', op: '<=', value: 120_000, label: t('most parties seated within 2 minutes') };
const timedOut: Condition = { metric: 'parties.timedOut', op: '==', value: 0, label: t('no party leaves') };
const budget: Constraint = { limit: 'manager.connection', atMost: 40, atLeast: null, label: t('table budget at most 40') };
const memory: Constraint = { limit: 'manager.memory', atMost: 4_194_304, atLeast: 1_048_576, label: null };

/** The parts of a TaskResult the checklist reads. */
function result(parts: Pick<TaskResult, 'isMet' | 'atMs' | 'goals' | 'limits'>): TaskResult {
  return parts as TaskResult;
}

describe('formatPathValue()', () => {
  it('writes times, sizes and plain numbers by the path’s unit', () => {
    expect(formatPathValue('tables.waitMs.p95', 126_000)).toBe('2.1 min');
    expect(formatPathValue('tables.acquireTimeoutMs', 30_000)).toBe('30 s');
    expect(formatPathValue('shelf.maxBytes', 24_576)).toBe('24 KiB');
    expect(formatPathValue('manager.memory', 4_194_304)).toBe('4 MiB');
    expect(formatPathValue('shelf.hitRatio', 0.61234)).toBe('61.2%');
    expect(formatPathValue('shelf.hitRatio', 0.12)).toBe('12%');
    expect(formatPathValue('parties.timedOut', 3)).toBe('3');
  });
});

describe('goalRows()', () => {
  it('gives each goal met or not, with the value reached at the task’s time', () => {
    const rows = goalRows(
      result({
        isMet: false,
        atMs: 3_600_000,
        goals: [
          { condition: waitGoal, actual: 126_000, isMet: false },
          { condition: timedOut, actual: 0, isMet: true },
          { condition: { ...timedOut, metric: 'nowhere' }, actual: null, isMet: false },
        ],
        limits: [],
      }),
    );
    expect(rows).toEqual([
      { label: waitGoal.label, isMet: false, text: '2.1 min at 60:00 (needs at most 2 min)' },
      { label: timedOut.label, isMet: true, text: '0 at 60:00 (needs exactly 0)' },
      { label: timedOut.label, isMet: false, text: 'not measured in this run (needs exactly 0)' },
    ]);
  });
});

describe('limitRows()', () => {
  it('says a limit was kept over its range, or how it was broken', () => {
    const rows = limitRows(
      result({
        isMet: false,
        atMs: 3_600_000,
        goals: [],
        limits: [
          { constraint: budget, lowest: 8, highest: 22, isMet: true },
          { constraint: budget, lowest: 8, highest: 45, isMet: false },
          { constraint: memory, lowest: 524_288, highest: 8_388_608, isMet: false },
          { constraint: memory, lowest: 4_194_304, highest: 4_194_304, isMet: true },
          { constraint: budget, lowest: null, highest: null, isMet: false },
        ],
      }),
    );
    expect(rows).toEqual([
      { label: budget.label, isMet: true, text: 'kept (8 to 22)' },
      { label: budget.label, isMet: false, text: 'broken: reaches 45, above 40' },
      { label: t('manager.memory at least 1 MiB and at most 4 MiB'), isMet: false, text: 'broken: reaches 8 MiB, above 4 MiB; drops to 512 KiB, below 1 MiB' },
      { label: t('manager.memory at least 1 MiB and at most 4 MiB'), isMet: true, text: 'kept (4 MiB)' },
      { label: budget.label, isMet: false, text: 'not a limit of this run' },
    ]);
    expect(constraintText({ ...budget, label: null })).toBe('manager.connection at most 40');
  });
});

describe('verdictText()', () => {
  it('sums the check up in one sentence', () => {
    const goal = { condition: timedOut, actual: 0, isMet: true };
    const kept = { constraint: budget, lowest: 8, highest: 8, isMet: true };
    expect(verdictText(result({ isMet: true, atMs: 3_600_000, goals: [goal], limits: [kept] }))).toBe(
      'Task done: every goal is met at 60:00 and every limit was kept.',
    );
    expect(verdictText(result({ isMet: true, atMs: 1_200_000, goals: [goal], limits: [] }))).toBe('Task done: every goal is met at 20:00.');
    expect(
      verdictText(result({ isMet: false, atMs: 3_600_000, goals: [goal, { ...goal, isMet: false }, { ...goal, isMet: false }], limits: [{ ...kept, isMet: false }] })),
    ).toBe('Not yet: 2 goals not met at 60:00, and 1 limit broken. Change the limits and check again.');
  });
});
