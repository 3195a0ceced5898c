import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLessonProblems, groupLessonFiles, loadCourse, loadLesson, parseFolderName } from './loadLesson.ts';
import { readLessonFolder } from './readLessonFiles.ts';

const fixture = (name: string) => readLessonFolder(join(import.meta.dirname, 'fixtures', name));
const valid = fixture('valid');
const t = (text: string) => ({ kind: 'text', text });

describe('loadLesson() on a valid lesson', () => {
  const r = loadLesson('03-tables-fill-up', valid);
  if (!r.ok) throw new Error(formatLessonProblems(r.problems));
  const lesson = r.lesson;

  it('loadLesson() reads the frontmatter and the folder name', () => {
    expect({ ...lesson, intro: undefined, steps: undefined }).toEqual({
      id: '03-tables-fill-up',
      number: 3,
      slug: 'tables-fill-up',
      title: 'The tables fill up',
      summary: 'Parties wait for a table, and some give up.',
      scenarioRef: 'tables',
      seed: 7,
      areas: ['tables', 'staff'],
      minutes: 5,
      intro: undefined,
      steps: undefined,
    });
    expect(lesson.steps.map((s) => [s.number, s.title, s.line])).toEqual([
      [1, 'Opening time', 12],
      [2, 'The rush', 37],
      [3, 'Your turn', 58],
      [4, 'Think about it', 75],
    ]);
  });

  it('loadLesson() gives step 1 the frontmatter setup and later steps the setup they continue', () => {
    const [s1, s2, s3, s4] = lesson.steps;
    expect(s1.setup).toEqual({ scenarioRef: 'tables', seed: 7, commands: [] });
    expect(s1.hasOwnSetup).toBe(false);
    expect(s1.timeline.scenario.name).toBe('tables');
    expect(s2.setup).toEqual({ scenarioRef: 'start.json', seed: 7, commands: [] });
    expect(s2.hasOwnSetup).toBe(true);
    expect(s2.timeline.scenario.name).toBe('tables, seed 7');
    expect(s3.timeline).toBe(s2.timeline);
    expect(s4.timeline).toBe(s2.timeline);
  });

  it('loadLesson() reads positions, play and highlights', () => {
    const [s1, s2, s3] = lesson.steps;
    expect(s1.at).toEqual({ kind: 'time', atMs: 0, text: '0:00' });
    expect(s2.at).toEqual({ kind: 'event', eventType: 'acquire.timedOut', n: 2, text: 'moment:acquire.timedOut#2' });
    expect(s3.at).toEqual({ kind: 'time', atMs: 0, text: '0:00' });
    expect(lesson.steps.map((s) => s.shouldPlay)).toEqual([false, true, false, false]);
    expect(s1.highlight).toEqual([
      { kind: 'area', area: 'tables' },
      { kind: 'unit', unit: 'table', id: 1 },
    ]);
  });

  it('loadLesson() parses the intro and the step prose into the safe AST', () => {
    expect(lesson.intro).toEqual([
      {
        kind: 'paragraph',
        line: 10,
        children: [
          t('Welcome to the dining room. Watch '),
          { kind: 'moment', moment: { kind: 'event', eventType: 'acquire.timedOut', n: 1, text: 'moment:acquire.timedOut#1' }, children: [t('the first party give up')], line: 10 },
          t('.'),
        ],
      },
    ]);
    expect(lesson.steps[0].body[1]).toEqual({
      kind: 'list',
      isOrdered: false,
      start: 1,
      line: 17,
      items: [[t('a small party takes a '), { kind: 'em', children: [t('small')] }, t(' table;')], [t('a large party needs a large one.')]],
    });
  });

  it('loadLesson() resolves questions with their texts as inline Markdown', () => {
    const [s1, s2, , s4] = lesson.steps;
    expect(s1.question).toEqual({
      kind: 'choice',
      prompt: [t('What happens when every small table is taken?')],
      options: [
        { text: [t('The party waits in line')], isCorrect: true, feedback: [t('Right: it waits until its '), { kind: 'strong', children: [t('acquire timeout')] }, t('.')] },
        { text: [t('A new table appears at once')], isCorrect: false, feedback: [t('Setting a table takes time: creating is expensive.')] },
      ],
      reveal: { kind: 'event', eventType: 'acquire.queued', n: 1, text: 'moment:acquire.queued#1' },
    });
    expect(s2.question).toMatchObject({ kind: 'number', answer: 8, tolerance: 1, unit: 'parties', reveal: null });
    expect(s4.question).toEqual({
      kind: 'reflect',
      prompt: [t('Why not make every pool huge?')],
      modelAnswer: [t('Each table costs memory on '), { kind: 'strong', children: [t('both')] }, t(' sides.')],
    });
    expect(s1.hints).toEqual([[t('Look at the host stand.')], [t('Count the free small tables.')]]);
  });

  it('loadLesson() resolves a task with its time in ms and its solution', () => {
    expect(lesson.steps[2].task).toEqual({
      prompt: [t('Get the parties who give up down to 2 or fewer.')],
      goal: [{ metric: 'parties.timedOut', op: '<=', value: 2, label: [t('at most 2 parties give up')] }],
      limits: [{ limit: 'tables.small.max', atMost: 14, atLeast: null, label: [t('no more than 14 small tables')] }],
      runToMs: 3_600_000,
      solution: [{ atMs: 0, command: { kind: 'tables', changes: { small: { min: 4, max: 14 } } } }],
    });
    expect(lesson.steps[2].hints).toEqual([[t('Raise '), { kind: 'code', text: 'small.max' }, t('.')]]);
  });
});

describe('loadLesson() without simulating', () => {
  it('loadLesson() with simulate: false skips the checks that need a run', () => {
    const r = loadLesson('01-moment-never-happens', fixture('moment-never-happens'), { simulate: false });
    expect(r.ok ? [] : formatLessonProblems(r.problems).split('\n')).toEqual([
      'lessons/01-moment-never-happens/README.md:20: step 2: moment:@75:00 is after the end of the service (60:00)',
      'lessons/01-moment-never-happens/README.md:24: step 2 at: 61:00 is after the end of the service (60:00)',
    ]);
    expect(loadLesson('01-task-already-met', fixture('task-already-met'), { simulate: false }).ok).toBe(true);
  });

  it('loadLesson() gives the same lesson with or without simulating', () => {
    const a = loadLesson('01-valid', valid);
    const b = loadLesson('01-valid', valid, { simulate: false });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});

describe('lesson folders and courses', () => {
  it('parseFolderName() reads NN-slug and drafts, and refuses the rest', () => {
    expect(parseFolderName('04-kitchen-stations')).toEqual({ ok: true, number: 4, slug: 'kitchen-stations' });
    expect(parseFolderName('xx-idea')).toEqual({ ok: true, number: 0, slug: 'idea' });
    const refusal = {
      ok: false,
      message: 'a lesson folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft',
    };
    for (const name of ['00-intro', '4-tables', '04_tables', '04-Tables', '04-', 'tables']) expect(parseFolderName(name)).toEqual(refusal);
  });

  it('loadLesson() refuses a folder without a README.md and a badly named folder', () => {
    const r = loadLesson('2-tables', { 'start.json': '{}' });
    expect(r.ok ? '' : formatLessonProblems(r.problems)).toBe(
      [
        'lessons/2-tables: a lesson folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft',
        'lessons/2-tables/README.md: missing: a lesson folder needs a README.md',
      ].join('\n'),
    );
  });

  it('loadCourse() orders lessons by number, skips drafts and refuses duplicate numbers', () => {
    const r = loadCourse({ '10-later': valid, '02-first': valid, 'xx-draft': { 'README.md': 'not even frontmatter' }, '02-again': valid, 'Notes': valid });
    expect(r.ok).toBe(false);
    expect(r.lessons.map((l) => l.id)).toEqual(['02-again', '10-later']);
    expect(r.ok ? '' : formatLessonProblems(r.problems)).toBe(
      [
        'lessons/02-first: duplicate lesson number 02 (lessons/02-again has it too)',
        'lessons/Notes: a lesson folder is named NN-slug (NN from 01 to 99, the slug in lower case words joined by -), or starts with xx- for a draft',
      ].join('\n'),
    );
    expect(loadCourse({ '02-b': valid, '01-a': valid })).toMatchObject({ ok: true, lessons: [{ id: '01-a' }, { id: '02-b' }] });
    expect(loadCourse({})).toEqual({ ok: true, lessons: [] });
  });

  it('loadCourse() gathers the problems of every lesson', () => {
    const r = loadCourse({ '01-a': valid, '02-b': fixture('missing-title'), '03-c': fixture('two-correct-options') });
    expect(r.lessons.map((l) => l.id)).toEqual(['01-a']);
    expect(r.ok ? '' : formatLessonProblems(r.problems)).toBe(
      [
        'lessons/02-b/README.md:1: title: missing (required in the frontmatter)',
        'lessons/03-c/README.md:15: step 1 question.options: expected exactly one option with "correct": true, found 2',
      ].join('\n'),
    );
  });

  it('groupLessonFiles() groups import.meta.glob paths by folder', () => {
    expect(groupLessonFiles({ '/lessons/02-tables/README.md': 'a', '/lessons/02-tables/start.json': 'b', '/lessons/03-staff/README.md': 'c', '/lessons/README.md': 'd', '/other/x.md': 'e' })).toEqual({
      '02-tables': { 'README.md': 'a', 'start.json': 'b' },
      '03-staff': { 'README.md': 'c' },
    });
  });

  it('formatLessonProblems() writes file, line and field when known, one problem per line', () => {
    expect(
      formatLessonProblems([
        { file: 'lessons/04-x/README.md', line: 23, field: 'step 2 question', message: 'm1' },
        { file: 'lessons/04-x/README.md', line: 3, message: 'm2' },
        { file: 'lessons/04-x', message: 'm3' },
        { file: 'lessons/04-x/start.json', field: 'tables', message: 'm4' },
      ]),
    ).toBe(['lessons/04-x/README.md:23: step 2 question: m1', 'lessons/04-x/README.md:3: m2', 'lessons/04-x: m3', 'lessons/04-x/start.json: tables: m4'].join('\n'));
  });
});
