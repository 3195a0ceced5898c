import { describe, expect, it } from 'vitest';
import { describeIssues, formatClock, formatPath, parseClock, parseHighlight, parseMoment, parsePosition, stepBlockSchema } from './lessonSchema.ts';

describe('times, moments, positions and highlights', () => {
  it('parseClock() reads m:ss with minutes past 59, and nothing else', () => {
    expect(parseClock('0:00')).toBe(0);
    expect(parseClock('5:07')).toBe(307_000);
    expect(parseClock('75:00')).toBe(4_500_000);
    expect(parseClock('5:7')).toBeNull();
    expect(parseClock('5:60')).toBeNull();
    expect(parseClock('1:00:00')).toBeNull();
    expect(parseClock(' 5:00')).toBeNull();
  });

  it('formatClock() writes whole seconds as m:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(3_600_000)).toBe('60:00');
    expect(formatClock(2_149_263)).toBe('35:49');
  });

  it('parseMoment() reads event and time moments', () => {
    expect(parseMoment('moment:acquire.timedOut#3')).toEqual({ ok: true, value: { kind: 'event', eventType: 'acquire.timedOut', n: 3, text: 'moment:acquire.timedOut#3' } });
    expect(parseMoment('moment:@12:30')).toEqual({ ok: true, value: { kind: 'time', atMs: 750_000, text: 'moment:@12:30' } });
  });

  it.each([
    ['acquire.timedOut#1', 'expected "moment:<event type>#<n>" or "moment:@<m:ss>", got "acquire.timedOut#1"'],
    ['moment:@5', 'expected a time m:ss after "moment:@", got "5"'],
    ['moment:table.acquireTimedOut#3', 'unknown event type "table.acquireTimedOut" in "moment:table.acquireTimedOut#3": not an event of src/sim/events.ts (did you mean "acquire.timedOut"?)'],
    ['moment:cache.hits#1', 'unknown event type "cache.hits" in "moment:cache.hits#1": not an event of src/sim/events.ts (did you mean "cache.hit"?)'],
    ['moment:zzz#1', 'unknown event type "zzz" in "moment:zzz#1": not an event of src/sim/events.ts'],
    ['moment:cache.hit', 'expected "#<n>" after the event type in "moment:cache.hit" (the n-th such event, from 1)'],
    ['moment:cache.hit#0', 'expected a whole number n >= 1 after "#" in "moment:cache.hit#0"'],
    ['moment:cache.hit#two', 'expected a whole number n >= 1 after "#" in "moment:cache.hit#two"'],
  ])('parseMoment(%j) refuses: %s', (text, message) => {
    expect(parseMoment(text)).toEqual({ ok: false, message });
  });

  it('parsePosition() takes a moment or a bare m:ss', () => {
    expect(parsePosition('2:00')).toEqual({ ok: true, value: { kind: 'time', atMs: 120_000, text: '2:00' } });
    expect(parsePosition('moment:cache.miss#2')).toEqual({ ok: true, value: { kind: 'event', eventType: 'cache.miss', n: 2, text: 'moment:cache.miss#2' } });
    expect(parsePosition('120s')).toEqual({ ok: false, message: 'expected "m:ss" or "moment:<event type>#<n>" or "moment:@<m:ss>", got "120s"' });
  });

  it('parseHighlight() takes an area or a unit with its id', () => {
    expect(parseHighlight('pantry')).toEqual({ ok: true, value: { kind: 'area', area: 'pantry' } });
    expect(parseHighlight('table:3')).toEqual({ ok: true, value: { kind: 'unit', unit: 'table', id: 3 } });
    expect(parseHighlight('fd:0')).toEqual({ ok: true, value: { kind: 'unit', unit: 'fd', id: 0 } });
    expect(parseHighlight('chair:3')).toEqual({
      ok: false,
      message: 'expected an area (tables, staff, stations, pantry, shelf, manager) or a unit (table:<id>, worker:<id>, block:<id>, fd:<n>), got "chair:3"',
    });
  });

  it('formatPath() writes keys with dots and indexes in brackets', () => {
    expect(formatPath(['question', 'options', 1, 'feedback'])).toBe('question.options[1].feedback');
    expect(formatPath([])).toBe('');
  });
});

describe('stepBlockSchema', () => {
  const problems = (input: unknown) => {
    const r = stepBlockSchema.safeParse(input, { reportInput: true });
    return r.success ? [] : describeIssues(r.error.issues).map((p) => `${formatPath(p.path)}: ${p.message}`);
  };

  it('stepBlockSchema accepts an empty block and parses positions and highlights', () => {
    expect(problems({})).toEqual([]);
    const r = stepBlockSchema.parse({ at: 'moment:cache.hit#1', highlight: ['shelf'], play: true });
    expect(r).toEqual({ at: { kind: 'event', eventType: 'cache.hit', n: 1, text: 'moment:cache.hit#1' }, highlight: [{ kind: 'area', area: 'shelf' }], play: true });
  });

  it('stepBlockSchema refuses unknown fields at every level, one problem per field', () => {
    expect(problems({ pause: 1, wait: 2, setup: { scenario: 'tables', limits: {} }, task: { prompt: 'p', goal: [{ metric: 'a', op: '<', value: 1, label: 'l', why: 1 }], solution: [{ atMs: 0, command: { kind: 'manager', resource: 'fd', limit: 3, extra: 1 } }] } })).toEqual([
      'setup.limits: unknown field "limits"',
      'task.goal[0].why: unknown field "why"',
      'task.solution[0].command.extra: unknown field "extra"',
      'pause: unknown field "pause"',
      'wait: unknown field "wait"',
    ]);
  });

  it('stepBlockSchema checks a choice question has exactly one correct option and feedback on every wrong one', () => {
    const q = (options: unknown[]) => problems({ question: { kind: 'choice', prompt: 'Which?', options } });
    expect(q([{ text: 'a', correct: true }, { text: 'b', feedback: 'no' }])).toEqual([]);
    expect(q([{ text: 'a', feedback: 'no' }, { text: 'b', feedback: 'no' }])).toEqual(['question.options: expected exactly one option with "correct": true, found 0']);
    expect(q([{ text: 'a', correct: true }, { text: 'b', correct: true }, { text: 'c' }])).toEqual([
      'question.options: expected exactly one option with "correct": true, found 2',
      'question.options[2]: a wrong option needs "feedback" naming the misconception it shows',
    ]);
    expect(q([{ text: 'a', correct: true }])).toEqual(['question.options: expected at least 2 items, got 1']);
  });

  it('stepBlockSchema describes wrong types, values and kinds in words', () => {
    expect(
      problems({
        play: 'yes',
        hints: ['', 3],
        question: { kind: 'number', prompt: 'How many?', answer: 3, tolerance: -1, tooLow: 'more', tooHigh: 'fewer' },
        task: { prompt: 'p', goal: [{ metric: 'a..b', op: '=', value: '1', label: 'l' }], limits: [{ limit: 'x' }], runTo: '1h', solution: [] },
        setup: { seed: 1.5, commands: [{ atMs: -1, command: { kind: 'staff', changes: { queueCapacity: 'many' } } }, { atMs: 0, command: {} }] },
      }),
    ).toEqual([
      'setup.seed: expected an integer, got 1.5',
      'setup.commands[0].atMs: expected >= 0, got -1',
      'setup.commands[0].command.changes.queueCapacity: expected an integer or "unbounded", got "many"',
      'setup.commands[1].command.kind: missing (expected one of "tables", "staff", "ingredients", "stations", "shelf", "manager")',
      'play: expected true or false, got "yes"',
      'question.tolerance: expected >= 0, got -1',
      'task.goal[0].metric: expected a dotted path such as "tables.waitMs.p95"',
      'task.goal[0].op: expected one of "<=", "<", ">=", ">", "==", got "="',
      'task.goal[0].value: expected a number, got "1"',
      'task.limits[0]: expected "atMost" or "atLeast" (or both)',
      'task.runTo: expected a time "m:ss", got "1h"',
      'task.solution: expected at least 1 item, got 0',
      'hints[0]: must not be empty',
      'hints[1]: expected a string, got 3',
    ]);
  });
});
