import { describe, expect, it } from 'vitest';
import {
  continueTarget,
  courseSummary,
  emptyProgress,
  exportFile,
  isStepDone,
  lessonSummary,
  markTaskDone,
  nextCorruptKey,
  openStep,
  parseImportedProgress,
  readStoredProgress,
  recordAnswer,
  resetLesson,
  serializeProgress,
  type LessonShape,
  type Progress,
} from './progress.ts';

/** Step 1 prose only, step 2 a choice question, step 3 a task, step 4 a reflection. */
const tables: LessonShape = {
  slug: 'tables',
  steps: [
    { number: 1, question: null, task: null },
    { number: 2, question: { kind: 'choice' }, task: null },
    { number: 3, question: null, task: {} },
    { number: 4, question: { kind: 'reflect' }, task: null },
  ],
};
const staff: LessonShape = { slug: 'staff', steps: [{ number: 1, question: null, task: null }, { number: 2, question: { kind: 'number' }, task: null }] };
const course = [tables, staff];

const stored: Progress = {
  version: 1,
  lastLesson: 'tables',
  lessons: {
    tables: { stepsSeen: [1, 2], answers: { '2': { kind: 'choice', choice: 1, isSolved: true, tries: 2 } }, tasksDone: [], lastStep: 2 },
    staff: { stepsSeen: [1], answers: {}, tasksDone: [], lastStep: 1 },
  },
};

describe('readStoredProgress()', () => {
  it('reads nothing stored as empty progress, quietly', () => {
    expect(readStoredProgress(null)).toEqual({ progress: emptyProgress(), shouldSetAside: false, notice: null });
  });

  it('reads valid progress back exactly', () => {
    expect(readStoredProgress(serializeProgress(stored))).toEqual({ progress: stored, shouldSetAside: false, notice: null });
  });

  it('reads progress stored without lastLesson (it is optional)', () => {
    const { lastLesson: _, ...rest } = stored;
    expect(readStoredProgress(JSON.stringify(rest)).progress).toEqual({ ...stored, lastLesson: null });
  });

  it('sets aside text that is not JSON, and starts afresh', () => {
    expect(readStoredProgress('{"version":1,')).toEqual({
      progress: emptyProgress(),
      shouldSetAside: true,
      notice: 'Your saved lesson progress could not be read (it is not valid JSON). It was set aside as “{key}” and progress starts afresh.',
    });
  });

  it('sets aside foreign data and progress of a newer version whole', () => {
    expect(readStoredProgress('[1,2]').notice).toBe(
      'Your saved lesson progress could not be read (it is not a progress record). It was set aside as “{key}” and progress starts afresh.',
    );
    expect(readStoredProgress('{"theme":"dark"}').notice).toBe(
      'Your saved lesson progress could not be read (it is not a progress record of this version). It was set aside as “{key}” and progress starts afresh.',
    );
    const newer = readStoredProgress('{"version":2,"lessons":{}}');
    expect(newer.progress).toEqual(emptyProgress());
    expect(newer.notice).toBe(
      'Your saved lesson progress could not be read (it was saved by a newer version (2)). It was set aside as “{key}” and progress starts afresh.',
    );
    expect(readStoredProgress('{"version":1,"lessons":[]}').notice).toBe(
      'Your saved lesson progress could not be read (it has no list of lessons). It was set aside as “{key}” and progress starts afresh.',
    );
  });

  it('drops only the lessons that do not validate, keeping the others', () => {
    const text = JSON.stringify({
      ...stored,
      lessons: { ...stored.lessons, shelf: { stepsSeen: 'all' }, BAD: stored.lessons.staff, cache: { ...stored.lessons.staff, tasksDone: [3, 2] } },
    });
    expect(readStoredProgress(text)).toEqual({
      progress: stored,
      shouldSetAside: true,
      notice: 'Part of your saved lesson progress could not be read: “shelf”, “BAD”, “cache”. That part was set aside as “{key}”; the rest of your progress is kept.',
    });
  });

  it('drops a bad lastLesson and notes unknown top-level fields, keeping the lessons', () => {
    const result = readStoredProgress(JSON.stringify({ ...stored, lastLesson: 42, colour: 'red' }));
    expect(result.progress).toEqual({ ...stored, lastLesson: null });
    expect(result.notice).toBe(
      'Part of your saved lesson progress could not be read: the last lesson opened, unknown fields (“colour”). That part was set aside as “{key}”; the rest of your progress is kept.',
    );
  });
});

describe('nextCorruptKey()', () => {
  it('numbers set-aside copies after the highest one there', () => {
    expect(nextCorruptKey([])).toBe('boh.progress.corrupt-1');
    expect(nextCorruptKey(['boh.progress', 'boh.theme'])).toBe('boh.progress.corrupt-1');
    expect(nextCorruptKey(['boh.progress.corrupt-1', 'boh.progress.corrupt-7', 'boh.progress.corrupt-x'])).toBe('boh.progress.corrupt-8');
  });
});

describe('changes', () => {
  it('openStep() marks the step seen, remembers it and the lesson, and leaves the old value alone', () => {
    const p = openStep(openStep(emptyProgress(), 'tables', 3), 'tables', 1);
    expect(p).toEqual({ version: 1, lastLesson: 'tables', lessons: { tables: { stepsSeen: [1, 3], answers: {}, tasksDone: [], lastStep: 1 } } });
    expect(openStep(p, 'tables', 1)).toBe(p);
    expect(emptyProgress().lessons).toEqual({});
  });

  it('recordAnswer() keeps a solved question solved and adds a reflection', () => {
    let p = recordAnswer(emptyProgress(), 'tables', 2, { kind: 'choice', choice: 0, isSolved: false, tries: 1 });
    p = recordAnswer(p, 'tables', 2, { kind: 'choice', choice: 1, isSolved: true, tries: 2 });
    p = recordAnswer(p, 'tables', 2, { kind: 'choice', choice: 2, isSolved: false, tries: 3 });
    expect(p.lessons.tables.answers['2']).toEqual({ kind: 'choice', choice: 2, isSolved: true, tries: 3 });
    p = recordAnswer(p, 'tables', 4, { kind: 'reflect', text: 'Draft', isRevealed: true });
    p = recordAnswer(p, 'tables', 4, { kind: 'reflect', text: 'Longer draft', isRevealed: false });
    expect(p.lessons.tables.answers['4']).toEqual({ kind: 'reflect', text: 'Longer draft', isRevealed: true });
    expect(p.lastLesson).toBeNull();
  });

  it('markTaskDone() and resetLesson()', () => {
    let p = markTaskDone(markTaskDone(stored, 'tables', 3), 'tables', 3);
    expect(p.lessons.tables.tasksDone).toEqual([3]);
    p = resetLesson(p, 'tables');
    expect(p).toEqual({ version: 1, lastLesson: null, lessons: { staff: stored.lessons.staff } });
    expect(resetLesson(stored, 'staff').lastLesson).toBe('tables');
  });
});

describe('summaries', () => {
  it('isStepDone() asks for the step seen, its question solved or revealed, and its task met', () => {
    const p = stored.lessons.tables;
    expect(tables.steps.map((s) => isStepDone(s, p))).toEqual([true, true, false, false]);
    expect(isStepDone(tables.steps[0], undefined)).toBe(false);
    const later = recordAnswer(markTaskDone(openStep(openStep(stored, 'tables', 3), 'tables', 4), 'tables', 3), 'tables', 4, {
      kind: 'reflect',
      text: '',
      isRevealed: false,
    });
    expect(tables.steps.map((s) => isStepDone(s, later.lessons.tables))).toEqual([true, true, true, false]);
  });

  it('lessonSummary() counts steps done and resumes at the last step opened', () => {
    expect(lessonSummary(tables, stored.lessons.tables)).toEqual({
      stepCount: 4,
      stepsDone: 2,
      stepsLeft: [3, 4],
      isStarted: true,
      isDone: false,
      resumeStep: 2,
    });
    expect(lessonSummary(tables, undefined)).toEqual({ stepCount: 4, stepsDone: 0, stepsLeft: [1, 2, 3, 4], isStarted: false, isDone: false, resumeStep: 1 });
    // A lesson that lost steps since: resume at its last one.
    expect(lessonSummary(staff, { stepsSeen: [1], answers: {}, tasksDone: [], lastStep: 9 }).resumeStep).toBe(2);
  });

  it('courseSummary() adds the lessons up', () => {
    expect(courseSummary(course, stored)).toEqual({ lessonCount: 2, lessonsDone: 0, stepCount: 6, stepsDone: 3 });
  });

  it('continueTarget() resumes the lesson last opened, then the next one not done', () => {
    expect(continueTarget(course, emptyProgress())).toEqual({ slug: 'tables', step: 1 });
    expect(continueTarget(course, stored)).toEqual({ slug: 'tables', step: 2 });
    let staffDone = openStep(openStep(stored, 'staff', 1), 'staff', 2);
    staffDone = recordAnswer(staffDone, 'staff', 2, { kind: 'number', value: 4, isSolved: true, tries: 1 });
    expect(continueTarget(course, staffDone)).toEqual({ slug: 'tables', step: 2 });
    expect(continueTarget(course, { ...stored, lastLesson: 'gone' })).toEqual({ slug: 'tables', step: 2 });
    expect(continueTarget([staff], staffDone)).toBeNull();
  });
});

describe('export and import', () => {
  it('exportFile() names the file by the UTC date and writes the progress as JSON', () => {
    const file = exportFile(stored, new Date(Date.UTC(2026, 10, 28, 23, 30)));
    expect(file.fileName).toBe('back-of-house-progress-2026-11-28.json');
    expect(JSON.parse(file.text)).toEqual(stored);
    expect(file.text.endsWith('}\n')).toBe(true);
  });

  it('parseImportedProgress() reads an exported file back exactly', () => {
    expect(parseImportedProgress(exportFile(stored, new Date(0)).text)).toEqual({ ok: true, progress: stored, lessonCount: 2 });
    expect(parseImportedProgress(`\uFEFF${JSON.stringify({ version: 1, lessons: {} })}`)).toEqual({ ok: true, progress: emptyProgress(), lessonCount: 0 });
  });

  it('parseImportedProgress() refuses anything else, saying what and where', () => {
    const bad = (value: unknown) => parseImportedProgress(typeof value === 'string' ? value : JSON.stringify(value));
    expect(bad('not json')).toEqual({ ok: false, message: 'This file is not lesson progress: it is not valid JSON.' });
    expect(bad({ theme: 'dark' })).toEqual({ ok: false, message: 'This file is not Back of House lesson progress (it has no “version” and “lessons”).' });
    expect(bad({ version: '1', lessons: {} })).toEqual({ ok: false, message: 'This progress file is of version "1"; this page reads version 1.' });
    expect(bad({ ...stored, lessons: { tables: { ...stored.lessons.tables, stepsSeen: [0] } } })).toEqual({
      ok: false,
      message: 'This progress file has a problem at “lessons.tables.stepsSeen[0]”: expected at least 1. Nothing was changed.',
    });
    expect(bad({ ...stored, lessons: { tables: { ...stored.lessons.tables, answers: { '2': { kind: 'choice', choice: 'b', isSolved: true, tries: 1 } } } } })).toEqual({
      ok: false,
      message: 'This progress file has a problem at “lessons.tables.answers.2.choice”: expected a number. Nothing was changed.',
    });
    expect(bad({ ...stored, lessons: { Tables: stored.lessons.tables } })).toEqual({
      ok: false,
      message: 'This progress file has a problem at “lessons.Tables”: expected a lesson slug or step number as the key. Nothing was changed.',
    });
    expect(bad({ ...stored, owner: 'me' })).toEqual({ ok: false, message: 'This progress file has a problem at the top: unknown field “owner”. Nothing was changed.' });
    expect(bad({ ...stored, lessons: { tables: { stepsSeen: [] } } })).toEqual({
      ok: false,
      message: 'This progress file has a problem at “lessons.tables.answers”: missing (and 2 more problems). Nothing was changed.',
    });
    expect(parseImportedProgress('{}', 2_000_000)).toEqual({ ok: false, message: 'This file is too large to be lesson progress (2000 kB; at most 1000 kB).' });
  });
});
