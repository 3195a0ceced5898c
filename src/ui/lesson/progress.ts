/**
 * A learner's progress through the lessons, as data: what is stored in the browser (`boh.progress`), how it
 * is read back (validated; anything unreadable is set aside, never lost and never a crash), how it changes
 * (pure functions returning a new value), what it says about a lesson and the course, and the file it is
 * exported to and imported from.
 *
 * Stored shape (version 1):
 * `{ version: 1, lastLesson: slug | null, lessons: { [slug]: { stepsSeen, answers, tasksDone, lastStep } } }`,
 * with `answers` keyed by step number. `lastLesson` (optional) is the lesson last opened, for "Continue".
 *
 * @example
 * let p = emptyProgress();
 * p = openStep(p, 'hoarding', 2);
 * p = recordAnswer(p, 'hoarding', 2, { kind: 'choice', choice: 1, isSolved: true, tries: 2 });
 * lessonSummary(lesson, p.lessons.hoarding).stepsDone; // 1 when step 2 has nothing else to do
 */
import { z } from 'zod';

/** The localStorage key of the progress. */
export const PROGRESS_KEY = 'boh.progress';
/** Unreadable stored progress is copied to `boh.progress.corrupt-<n>` (n from 1). */
export const CORRUPT_KEY_PREFIX = 'boh.progress.corrupt-';
export const PROGRESS_VERSION = 1;
/** The largest progress file import reads (bytes). */
export const MAX_IMPORT_BYTES = 1_000_000;
/** The longest reflection text kept (characters). */
export const MAX_REFLECTION_CHARS = 20_000;

// ---------------------------------------------------------------------------------------------------------
// Types

/**
 * The learner's answer to a step's question. `isSolved` stays true once the right answer was given (a later
 * wrong check does not undo it); `tries` counts checks.
 */
export type Answer =
  | { kind: 'choice'; choice: number; isSolved: boolean; tries: number }
  | { kind: 'number'; value: number; isSolved: boolean; tries: number }
  | { kind: 'reflect'; text: string; isRevealed: boolean };

export interface LessonProgress {
  /** Step numbers opened at least once, ascending. */
  stepsSeen: number[];
  /** By step number. */
  answers: Record<string, Answer>;
  /** Step numbers whose task was met, ascending. */
  tasksDone: number[];
  /** The step last opened (resume there). */
  lastStep: number;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** The lesson last opened, or null. */
  lastLesson: string | null;
  lessons: Record<string, LessonProgress>;
}

/** What the summaries need of a lesson (a `Lesson` of `src/lessons` fits). */
export interface LessonShape {
  slug: string;
  steps: readonly StepShape[];
}

/** What the summaries need of a step. */
export interface StepShape {
  number: number;
  question: { kind: 'choice' | 'number' | 'reflect' } | null;
  task: unknown;
}

// ---------------------------------------------------------------------------------------------------------
// Schemas

const stepNumber = z.number().int().min(1).max(999);
const count = z.number().int().min(0).max(1_000_000);
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'expected a lesson slug such as "hoarding"' }).max(100);

const answerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('choice'), choice: z.number().int().min(0).max(99), isSolved: z.boolean(), tries: count }),
  z.strictObject({ kind: z.literal('number'), value: z.number(), isSolved: z.boolean(), tries: count }),
  z.strictObject({ kind: z.literal('reflect'), text: z.string().max(MAX_REFLECTION_CHARS), isRevealed: z.boolean() }),
]);

const ascendingUnique = (list: number[]) => list.every((n, i) => i === 0 || n > list[i - 1]);

export const lessonProgressSchema = z.strictObject({
  stepsSeen: z.array(stepNumber).max(999).refine(ascendingUnique, { message: 'expected step numbers in ascending order, each once' }),
  answers: z.record(z.string().regex(/^[1-9]\d{0,2}$/, { message: 'expected a step number' }), answerSchema),
  tasksDone: z.array(stepNumber).max(999).refine(ascendingUnique, { message: 'expected step numbers in ascending order, each once' }),
  lastStep: stepNumber,
});

/** A whole progress document, strictly (what an imported file must be). */
export const progressSchema = z.strictObject({
  version: z.literal(PROGRESS_VERSION),
  lastLesson: slug.nullable().optional(),
  lessons: z.record(slug, lessonProgressSchema),
});

// ---------------------------------------------------------------------------------------------------------
// Reading what is stored

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lastLesson: null, lessons: {} };
}

/** What reading the stored text gave. */
export interface ReadResult {
  progress: Progress;
  /**
   * True when some or all of the stored text could not be used: the caller copies the text as it was to a
   * `boh.progress.corrupt-<n>` key ({@link nextCorruptKey}) and stores the cleaned progress.
   */
  shouldSetAside: boolean;
  /** What to tell the learner, or null. `{key}` stands for the key the text was copied to. */
  notice: string | null;
}

/**
 * Reads stored progress text (null when nothing is stored). Never throws. Text that is not JSON, not an
 * object, or of another version is set aside whole and progress starts empty; a lesson entry that does not
 * validate is dropped alone (the others are kept), as is a bad `lastLesson`.
 */
export function readStoredProgress(text: string | null): ReadResult {
  if (text === null) return { progress: emptyProgress(), shouldSetAside: false, notice: null };
  const whole = (why: string): ReadResult => ({
    progress: emptyProgress(),
    shouldSetAside: true,
    notice: `Your saved lesson progress could not be read (${why}). It was set aside as “{key}” and progress starts afresh.`,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return whole('it is not valid JSON');
  }
  if (!isPlainObject(value)) return whole('it is not a progress record');
  if (value.version !== PROGRESS_VERSION) {
    return whole(typeof value.version === 'number' && value.version > PROGRESS_VERSION ? `it was saved by a newer version (${value.version})` : 'it is not a progress record of this version');
  }
  if (!isPlainObject(value.lessons)) return whole('it has no list of lessons');

  const problems: string[] = [];
  const lessons: Record<string, LessonProgress> = {};
  for (const [key, entry] of Object.entries(value.lessons)) {
    const parsedSlug = slug.safeParse(key);
    const parsed = lessonProgressSchema.safeParse(entry);
    if (parsedSlug.success && parsed.success) lessons[key] = parsed.data;
    else problems.push(`“${key}”`);
  }
  let lastLesson: string | null = null;
  if (value.lastLesson !== undefined && value.lastLesson !== null) {
    const parsed = slug.safeParse(value.lastLesson);
    if (parsed.success) lastLesson = parsed.data;
    else problems.push('the last lesson opened');
  }
  const unknownKeys = Object.keys(value).filter((k) => k !== 'version' && k !== 'lessons' && k !== 'lastLesson');
  if (unknownKeys.length > 0) problems.push(`unknown fields (${unknownKeys.map((k) => `“${k}”`).join(', ')})`);

  const progress: Progress = { version: PROGRESS_VERSION, lastLesson, lessons };
  if (problems.length === 0) return { progress, shouldSetAside: false, notice: null };
  return {
    progress,
    shouldSetAside: true,
    notice: `Part of your saved lesson progress could not be read: ${problems.join(', ')}. That part was set aside as “{key}”; the rest of your progress is kept.`,
  };
}

/** The first free `boh.progress.corrupt-<n>` key, after the highest n among `existingKeys`. */
export function nextCorruptKey(existingKeys: readonly string[]): string {
  let highest = 0;
  for (const key of existingKeys) {
    if (!key.startsWith(CORRUPT_KEY_PREFIX)) continue;
    const rest = key.slice(CORRUPT_KEY_PREFIX.length);
    if (/^\d{1,9}$/.test(rest)) highest = Math.max(highest, Number(rest));
  }
  return `${CORRUPT_KEY_PREFIX}${highest + 1}`;
}

/** The stored text of `progress`. */
export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

// ---------------------------------------------------------------------------------------------------------
// Changes (each returns a new Progress; the one passed in is not changed)

function lessonOf(progress: Progress, lessonSlug: string): LessonProgress {
  return progress.lessons[lessonSlug] ?? { stepsSeen: [], answers: {}, tasksDone: [], lastStep: 1 };
}

function withLesson(progress: Progress, lessonSlug: string, lesson: LessonProgress, isOpened = false): Progress {
  return {
    ...progress,
    lastLesson: isOpened ? lessonSlug : progress.lastLesson,
    lessons: { ...progress.lessons, [lessonSlug]: lesson },
  };
}

function addSorted(list: readonly number[], n: number): number[] {
  return list.includes(n) ? [...list] : [...list, n].sort((a, b) => a - b);
}

/** Step `step` of `lessonSlug` was opened: seen, the step to resume at, and the lesson last opened. */
export function openStep(progress: Progress, lessonSlug: string, step: number): Progress {
  const lesson = lessonOf(progress, lessonSlug);
  if (lesson.lastStep === step && lesson.stepsSeen.includes(step) && progress.lastLesson === lessonSlug) return progress;
  return withLesson(progress, lessonSlug, { ...lesson, stepsSeen: addSorted(lesson.stepsSeen, step), lastStep: step }, true);
}

/**
 * Keeps the answer to step `step`'s question. A question once solved stays solved (`isSolved`), and tries
 * add up, whatever the new answer says.
 */
export function recordAnswer(progress: Progress, lessonSlug: string, step: number, answer: Answer): Progress {
  const lesson = lessonOf(progress, lessonSlug);
  const before = lesson.answers[String(step)];
  let next: Answer = answer;
  if (answer.kind !== 'reflect' && before !== undefined && before.kind === answer.kind) {
    next = { ...answer, isSolved: answer.isSolved || before.isSolved };
  }
  if (answer.kind === 'reflect') {
    const wasRevealed = before?.kind === 'reflect' && before.isRevealed;
    next = { ...answer, text: answer.text.slice(0, MAX_REFLECTION_CHARS), isRevealed: answer.isRevealed || wasRevealed };
  }
  return withLesson(progress, lessonSlug, { ...lesson, answers: { ...lesson.answers, [String(step)]: next } });
}

/** The answer kept for step `step` of `lessonSlug`, or null. */
export function answerOf(progress: Progress, lessonSlug: string, step: number): Answer | null {
  return progress.lessons[lessonSlug]?.answers[String(step)] ?? null;
}

/** Step `step`'s task was met. */
export function markTaskDone(progress: Progress, lessonSlug: string, step: number): Progress {
  const lesson = lessonOf(progress, lessonSlug);
  if (lesson.tasksDone.includes(step)) return progress;
  return withLesson(progress, lessonSlug, { ...lesson, tasksDone: addSorted(lesson.tasksDone, step) });
}

/** Forgets one lesson's progress (the others are kept). */
export function resetLesson(progress: Progress, lessonSlug: string): Progress {
  const lessons = { ...progress.lessons };
  delete lessons[lessonSlug];
  return { ...progress, lessons, lastLesson: progress.lastLesson === lessonSlug ? null : progress.lastLesson };
}

// ---------------------------------------------------------------------------------------------------------
// Summaries

/** True when step `step` has nothing left to do: seen, its question solved (a reflection revealed), its task met. */
export function isStepDone(step: StepShape, lesson: LessonProgress | undefined): boolean {
  if (lesson === undefined || !lesson.stepsSeen.includes(step.number)) return false;
  if (step.question !== null) {
    const answer = lesson.answers[String(step.number)];
    if (answer === undefined) return false;
    if (answer.kind === 'reflect' ? !answer.isRevealed : !answer.isSolved) return false;
  }
  if (step.task !== null && step.task !== undefined && !lesson.tasksDone.includes(step.number)) return false;
  return true;
}

export interface LessonSummary {
  stepCount: number;
  stepsDone: number;
  /** Steps with a question or a task not done yet, by number. */
  stepsLeft: number[];
  isStarted: boolean;
  isDone: boolean;
  /** The step to open to resume: the last one opened (within the lesson), else 1. */
  resumeStep: number;
}

export function lessonSummary(lesson: LessonShape, progress: LessonProgress | undefined): LessonSummary {
  const done = lesson.steps.filter((s) => isStepDone(s, progress));
  const stepCount = lesson.steps.length;
  const last = progress?.lastStep ?? 1;
  return {
    stepCount,
    stepsDone: done.length,
    stepsLeft: lesson.steps.filter((s) => !done.includes(s)).map((s) => s.number),
    isStarted: progress !== undefined && progress.stepsSeen.length > 0,
    isDone: stepCount > 0 && done.length === stepCount,
    resumeStep: Math.min(Math.max(1, last), Math.max(1, stepCount)),
  };
}

export interface CourseSummary {
  lessonCount: number;
  lessonsDone: number;
  stepCount: number;
  stepsDone: number;
}

export function courseSummary(lessons: readonly LessonShape[], progress: Progress): CourseSummary {
  let lessonsDone = 0;
  let stepCount = 0;
  let stepsDone = 0;
  for (const lesson of lessons) {
    const s = lessonSummary(lesson, progress.lessons[lesson.slug]);
    if (s.isDone) lessonsDone++;
    stepCount += s.stepCount;
    stepsDone += s.stepsDone;
  }
  return { lessonCount: lessons.length, lessonsDone, stepCount, stepsDone };
}

/**
 * Where "Continue" goes: the lesson last opened at its last step, unless it is done; then the next lesson not
 * done after it (at its own resume step), else the first lesson not done. Null when every lesson is done (or
 * there are none).
 */
export function continueTarget(lessons: readonly LessonShape[], progress: Progress): { slug: string; step: number } | null {
  const notDone = (l: LessonShape) => !lessonSummary(l, progress.lessons[l.slug]).isDone;
  const at = (l: LessonShape) => ({ slug: l.slug, step: lessonSummary(l, progress.lessons[l.slug]).resumeStep });
  const lastIndex = lessons.findIndex((l) => l.slug === progress.lastLesson);
  if (lastIndex >= 0) {
    const ordered = [...lessons.slice(lastIndex), ...lessons.slice(0, lastIndex)];
    const next = ordered.find(notDone);
    return next === undefined ? null : at(next);
  }
  const first = lessons.find(notDone);
  return first === undefined ? null : at(first);
}

// ---------------------------------------------------------------------------------------------------------
// Export and import

/** The file an export downloads: its name (with the date, `YYYY-MM-DD`, UTC) and text. */
export function exportFile(progress: Progress, now: Date): { fileName: string; text: string } {
  const date = now.toISOString().slice(0, 10);
  return { fileName: `back-of-house-progress-${date}.json`, text: `${JSON.stringify(progress, null, 2)}\n` };
}

export type ImportResult = { ok: true; progress: Progress; lessonCount: number } | { ok: false; message: string };

/**
 * Reads an imported progress file, all or nothing: the whole file must be valid progress, else the message
 * says what is wrong and where (the caller changes nothing then).
 */
export function parseImportedProgress(text: string, byteLength: number = text.length): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, message: `This file is too large to be lesson progress (${Math.ceil(byteLength / 1000)} kB; at most ${MAX_IMPORT_BYTES / 1000} kB).` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: 'This file is not lesson progress: it is not valid JSON.' };
  }
  if (!isPlainObject(value) || !('version' in value) || !('lessons' in value)) {
    return { ok: false, message: 'This file is not Back of House lesson progress (it has no “version” and “lessons”).' };
  }
  if (value.version !== PROGRESS_VERSION) {
    return { ok: false, message: `This progress file is of version ${JSON.stringify(value.version)}; this page reads version ${PROGRESS_VERSION}.` };
  }
  const parsed = progressSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problem${parsed.error.issues.length === 2 ? '' : 's'})` : '';
    return { ok: false, message: `This progress file has a problem at ${issuePath(issue.path)}: ${issueMessage(issue)}${more}. Nothing was changed.` };
  }
  const progress: Progress = { version: PROGRESS_VERSION, lastLesson: parsed.data.lastLesson ?? null, lessons: parsed.data.lessons };
  return { ok: true, progress, lessonCount: Object.keys(progress.lessons).length };
}

function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the top';
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return `“${out}”`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `“${k}”`).join(', ')}`;
    case 'invalid_type':
      return issue.input === undefined ? 'missing' : `expected ${issue.expected === 'int' ? 'a whole number' : `a ${issue.expected}`}`;
    case 'too_small':
      return `expected at least ${String(issue.minimum)}`;
    case 'too_big':
      return `expected at most ${String(issue.maximum)}`;
    case 'invalid_union':
      return 'expected a "choice", "number" or "reflect" answer';
    case 'invalid_key':
      return 'expected a lesson slug or step number as the key';
    default:
      return issue.message;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
