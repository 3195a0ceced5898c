/**
 * The lesson format's types and the schema of a step's `step` JSON block: what the loader produces and the
 * player renders. This file and `loadLesson.ts` are the executable form of the lesson format document.
 *
 * Two layers:
 * - the **raw** step block, as written in the README (`stepBlockSchema`, strict: an unknown field is a
 *   problem), whose texts are still strings;
 * - the **resolved** lesson ({@link Lesson}, {@link Step}, ...), where every learner-facing text is parsed
 *   into the safe Markdown AST of `markdown.ts` ({@link Inline}), a step's setup is resolved into a
 *   {@link Timeline} (inherited from the step before when the step has none), and times are milliseconds.
 */
import { z } from 'zod';
import { limitCommandSchema } from '../sim/commandSchema.ts';
import type { SimEventType } from '../sim/events.ts';
import type { Scenario } from '../sim/scenario.ts';
import type { TimedCommand, Timeline } from '../sim/timeline.ts';
import { isSimEventType, nearestEventType } from './eventTypes.ts';
import type { Block, Inline } from './markdown.ts';

// ---------------------------------------------------------------------------------------------------------
// Resolved types (what the player gets)

/** The restaurant areas a lesson can show (frontmatter `areas`). `pantry` is the ingredients (descriptors). */
export type Area = 'tables' | 'staff' | 'stations' | 'pantry' | 'shelf' | 'manager';
export const AREAS: readonly Area[] = ['tables', 'staff', 'stations', 'pantry', 'shelf', 'manager'];

/** Units a step can highlight: `table:<id>`, `worker:<id>`, `block:<id>`, `fd:<n>`. */
export type UnitKind = 'table' | 'worker' | 'block' | 'fd';
export const UNIT_KINDS: readonly UnitKind[] = ['table', 'worker', 'block', 'fd'];

/** A point of a step's simulation: just after the n-th event of a type (n from 1), or a virtual time. */
export type Moment =
  | { kind: 'event'; eventType: SimEventType; n: number; text: string }
  | { kind: 'time'; atMs: number; text: string };

/** What a step highlights: a whole area, or one unit by its id. */
export type Highlight = { kind: 'area'; area: Area } | { kind: 'unit'; unit: UnitKind; id: number };

export type ConditionOp = '<=' | '<' | '>=' | '>' | '==';
export const CONDITION_OPS: readonly ConditionOp[] = ['<=', '<', '>=', '>', '=='];

/** A goal of a task: a metric (a dotted path into SimMetrics, else Gauges) compared with a value. */
export interface Condition {
  metric: string;
  op: ConditionOp;
  value: number;
  label: Inline[];
}

/** A limit the learner must keep to while solving a task: a dotted path into LimitsInForce. */
export interface Constraint {
  limit: string;
  atMost: number | null;
  atLeast: number | null;
  /** Optional words for it ("without adding more than 2 tables"); null when the lesson gives none. */
  label: Inline[] | null;
}

export interface Task {
  prompt: Inline[];
  goal: Condition[];
  limits: Constraint[];
  /** Where the task is checked (virtual ms); the end of the service unless the step gives `runTo`. */
  runToMs: number;
  /** Commands that solve it (added to the step's setup); the loader checks they do. */
  solution: TimedCommand[];
}

export interface ChoiceOption {
  text: Inline[];
  isCorrect: boolean;
  /** Why right, or the misconception a wrong answer shows (always present on wrong options). */
  feedback: Inline[] | null;
}

export type Question =
  | { kind: 'choice'; prompt: Inline[]; options: ChoiceOption[]; reveal: Moment | null }
  | {
      kind: 'number';
      prompt: Inline[];
      answer: number;
      tolerance: number;
      unit: string | null;
      tooLow: Inline[];
      tooHigh: Inline[];
      reveal: Moment | null;
    }
  | { kind: 'reflect'; prompt: Inline[]; modelAnswer: Inline[] };

/** A step's simulation: a scenario (built-in id or a file of the lesson), a seed, and limit commands. */
export interface Setup {
  /** As written: a built-in id (`tables`) or a file of the lesson folder (`start.json`). */
  scenarioRef: string;
  seed: number;
  commands: TimedCommand[];
}

export interface Step {
  /** 1-based position in the lesson. */
  number: number;
  title: string;
  /** Line of the `## ` heading in README.md. */
  line: number;
  /** The step's prose (the `step` block removed). */
  body: Block[];
  /** Blocks of `body` from this index on were written after the `step` block: they answer the step's
   * question or task, and the player shows them once it is answered (all of `body` without one). */
  revealFrom: number;
  /** The step's setup: its own, or the one it continues from. */
  setup: Setup;
  /** True when the step declares its own `setup` (false: it continues the previous step's). */
  hasOwnSetup: boolean;
  /** The setup as a timeline; steps that continue a setup share the same object. */
  timeline: Timeline;
  /** Where the step starts (default `0:00`). */
  at: Moment;
  /** True: start playing when the step opens; false: paused. */
  shouldPlay: boolean;
  highlight: Highlight[];
  question: Question | null;
  task: Task | null;
  /** Shown one at a time on request. */
  hints: Inline[][];
}

export interface Lesson {
  /** The folder name, e.g. `04-kitchen-stations`. */
  id: string;
  /** NN of the folder. */
  number: number;
  /** The folder name without its number, e.g. `kitchen-stations`. */
  slug: string;
  title: string;
  summary: string;
  /** Frontmatter `scenario` as written. */
  scenarioRef: string;
  /** Frontmatter `seed`, or the scenario's. */
  seed: number;
  areas: Area[];
  /** Reading time estimate, or null. */
  minutes: number | null;
  /** Text before the first step (shown on step 1 above the step text). */
  intro: Block[];
  steps: Step[];
}

/** One thing wrong with a lesson: the file (`lessons/<folder>/README.md`), where, and what. */
export interface LessonProblem {
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** The field, e.g. `title`, `step 2 question.options[1]`, `tables.small.max`. */
  field?: string;
  message: string;
}

/** A scenario as the loader resolved it, with where it came from. */
export interface ResolvedScenario {
  ref: string;
  scenario: Scenario;
}

// ---------------------------------------------------------------------------------------------------------
// Times and moments

/** `m:ss` (minutes may exceed 59: `75:00`) as virtual ms, or null. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,4}):([0-5]\d)$/.exec(text);
  return m === null ? null : (Number(m[1]) * 60 + Number(m[2])) * 1000;
}

/** Virtual ms as `m:ss` (whole seconds, rounded down). */
export function formatClock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const MOMENT_FORMS = '"moment:<event type>#<n>" or "moment:@<m:ss>"';

/** Reads `moment:<event type>#<n>` or `moment:@<m:ss>` (a moment link's target). */
export function parseMoment(text: string): Parsed<Moment> {
  if (!text.startsWith('moment:')) return { ok: false, message: `expected ${MOMENT_FORMS}, got ${quote(text)}` };
  const rest = text.slice('moment:'.length);
  if (rest.startsWith('@')) {
    const atMs = parseClock(rest.slice(1));
    if (atMs === null) return { ok: false, message: `expected a time m:ss after "moment:@", got ${quote(rest.slice(1))}` };
    return { ok: true, value: { kind: 'time', atMs, text } };
  }
  const hash = rest.lastIndexOf('#');
  const type = hash < 0 ? rest : rest.slice(0, hash);
  if (!isSimEventType(type)) {
    const near = nearestEventType(type);
    const hint = near === null ? '' : ` (did you mean "${near}"?)`;
    return { ok: false, message: `unknown event type ${quote(type)} in ${quote(text)}: not an event of src/sim/events.ts${hint}` };
  }
  if (hash < 0) return { ok: false, message: `expected "#<n>" after the event type in ${quote(text)} (the n-th such event, from 1)` };
  const nText = rest.slice(hash + 1);
  if (!/^\d+$/.test(nText) || Number(nText) < 1) return { ok: false, message: `expected a whole number n >= 1 after "#" in ${quote(text)}` };
  return { ok: true, value: { kind: 'event', eventType: type, n: Number(nText), text } };
}

/** Reads a step position: a moment (`moment:...`) or a time `m:ss`. */
export function parsePosition(text: string): Parsed<Moment> {
  if (text.startsWith('moment:')) return parseMoment(text);
  const atMs = parseClock(text);
  if (atMs === null) return { ok: false, message: `expected "m:ss" or ${MOMENT_FORMS}, got ${quote(text)}` };
  return { ok: true, value: { kind: 'time', atMs, text } };
}

/** Reads a highlight: an area (`tables`) or a unit (`table:3`, `worker:1`, `block:5`, `fd:7`). */
export function parseHighlight(text: string): Parsed<Highlight> {
  if ((AREAS as readonly string[]).includes(text)) return { ok: true, value: { kind: 'area', area: text as Area } };
  const m = /^([a-z]+):(\d+)$/.exec(text);
  if (m !== null && (UNIT_KINDS as readonly string[]).includes(m[1])) {
    return { ok: true, value: { kind: 'unit', unit: m[1] as UnitKind, id: Number(m[2]) } };
  }
  return {
    ok: false,
    message: `expected an area (${AREAS.join(', ')}) or a unit (table:<id>, worker:<id>, block:<id>, fd:<n>), got ${quote(text)}`,
  };
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

// ---------------------------------------------------------------------------------------------------------
// The raw `step` block (zod, strict)

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const text = z.string().trim().min(1);
const ms = int(0, 7 * 24 * 3_600_000);

const parsed = <T>(read: (s: string) => Parsed<T>) =>
  z.string().transform((s, ctx): T => {
    const r = read(s);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  });

const position = parsed(parsePosition);
const clock = parsed((s): Parsed<number> => {
  const v = parseClock(s);
  return v === null ? { ok: false, message: `expected a time "m:ss", got ${quote(s)}` } : { ok: true, value: v };
});
const dottedPath = z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { message: 'expected a dotted path such as "tables.waitMs.p95"' });

export { limitCommandSchema };

/** A limit command with its virtual time (`src/sim/timeline.ts`). */
export const timedCommandSchema = z.strictObject({ atMs: ms, command: limitCommandSchema });

const setupSchema = z.strictObject({
  scenario: text.optional(),
  seed: int(0, 2 ** 32 - 1).optional(),
  commands: z.array(timedCommandSchema).optional(),
});

const choiceOption = z.strictObject({ text, correct: z.boolean().optional(), feedback: text.optional() });

const choiceQuestion = z
  .strictObject({
    kind: z.literal('choice'),
    prompt: text,
    options: z.array(choiceOption).min(2),
    reveal: position.optional(),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct === true).length;
    if (correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `expected exactly one option with "correct": true, found ${correct}` });
    }
    q.options.forEach((o, i) => {
      if (o.correct !== true && o.feedback === undefined) {
        ctx.addIssue({ code: 'custom', path: ['options', i], message: 'a wrong option needs "feedback" naming the misconception it shows' });
      }
    });
  });

const numberQuestion = z.strictObject({
  kind: z.literal('number'),
  prompt: text,
  answer: z.number(),
  tolerance: z.number().min(0).optional(),
  unit: text.optional(),
  tooLow: text,
  tooHigh: text,
  reveal: position.optional(),
});

const reflectQuestion = z.strictObject({ kind: z.literal('reflect'), prompt: text, modelAnswer: text });

const condition = z.strictObject({ metric: dottedPath, op: z.enum(CONDITION_OPS as [ConditionOp, ...ConditionOp[]]), value: z.number(), label: text });

const constraint = z
  .strictObject({ limit: dottedPath, atMost: z.number().optional(), atLeast: z.number().optional(), label: text.optional() })
  .refine((c) => c.atMost !== undefined || c.atLeast !== undefined, { message: 'expected "atMost" or "atLeast" (or both)' });

const taskSchema = z.strictObject({
  prompt: text,
  goal: z.array(condition).min(1),
  limits: z.array(constraint).optional(),
  runTo: clock.optional(),
  solution: z.array(timedCommandSchema).min(1),
});

/** The `step` block of a step (every field optional; unknown fields refused). */
export const stepBlockSchema = z.strictObject({
  setup: setupSchema.optional(),
  at: position.optional(),
  play: z.boolean().optional(),
  highlight: z.array(parsed(parseHighlight)).optional(),
  question: z.discriminatedUnion('kind', [choiceQuestion, numberQuestion, reflectQuestion]).optional(),
  task: taskSchema.optional(),
  hints: z.array(text).optional(),
});

/** A `step` block as validated (texts still strings; positions parsed). */
export type StepBlock = z.output<typeof stepBlockSchema>;
export type StepBlockInput = z.input<typeof stepBlockSchema>;
export type RawQuestion = NonNullable<StepBlock['question']>;
export type RawTask = NonNullable<StepBlock['task']>;

/** One schema problem: the path (zod's) and what is wrong. */
export interface SchemaProblem {
  path: PropertyKey[];
  message: string;
}

/** Turns zod issues into plain problems (one per unknown key), with messages that say what was expected. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) out.push({ path: [...path, key], message: `unknown field "${key}"` });
        break;
      case 'invalid_type':
        out.push({
          path,
          message: issue.input === undefined ? 'missing (required)' : `expected ${typeName(issue.expected)}, got ${describeValue(issue.input)}`,
        });
        break;
      case 'too_small':
        out.push({ path, message: tooSmall(issue) });
        break;
      case 'too_big':
        out.push({
          path,
          message: `expected ${issue.inclusive === false ? '<' : '<='} ${String(issue.maximum)}${issue.origin === 'array' ? ' items' : ''}, got ${describeValue(issue.input)}`,
        });
        break;
      case 'invalid_value':
        out.push({
          path,
          message: `expected ${issue.values.length === 1 ? '' : 'one of '}${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describeValue(issue.input)}`,
        });
        break;
      case 'invalid_union': {
        if ('discriminator' in issue && typeof issue.discriminator === 'string') {
          const options = (issue as { options?: unknown[] }).options ?? [];
          const input = issue.input as Record<string, unknown> | undefined;
          const got = input !== undefined && typeof input === 'object' && input !== null ? input[issue.discriminator] : undefined;
          const expected = `one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
          out.push({ path, message: got === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${describeValue(got)}` });
        } else {
          out.push({ path, message: `expected an integer or "unbounded", got ${describeValue(issue.input)}` });
        }
        break;
      }
      default:
        out.push({ path, message: issue.message });
    }
  }
  return out;
}

function tooSmall(issue: Extract<z.core.$ZodIssue, { code: 'too_small' }>): string {
  if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
  if (issue.origin === 'array') {
    const n = Array.isArray(issue.input) ? issue.input.length : 0;
    return `expected at least ${String(issue.minimum)} item${Number(issue.minimum) === 1 ? '' : 's'}, got ${n}`;
  }
  return `expected ${issue.inclusive === false ? '>' : '>='} ${String(issue.minimum)}, got ${describeValue(issue.input)}`;
}

function typeName(expected: string): string {
  switch (expected) {
    case 'int':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${expected}`;
  }
}

/** A short description of a JSON value for a message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return quote(value);
  return String(value);
}

/** A zod path as a readable field path: `question.options[1].feedback`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}
