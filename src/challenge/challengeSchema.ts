/**
 * The strict shapes of a challenge folder's JSON files (`challenge.json`, `reference.json`) and of its README
 * frontmatter, as zod schemas: an unknown field is a problem, as in lesson step blocks. What the schemas cannot
 * say alone (a setting path exists in the scenario, a goal's metric is one the run measures, the reference
 * passes) is checked by `loadChallenge.ts`.
 *
 * The scenario field is left open here (`unknown`) and resolved by the loader: a built-in id, an object
 * `{ "extends": "<built-in id>", ...overrides }` merged deeply over it, a complete scenario object, or null
 * for a code slot.
 */
import { z } from 'zod';
import { CONDITION_OPS } from '../lessons/lessonSchema.ts';
import type { CodeSlotId, GoalOp } from './types.ts';

/** The kinds a challenge exercises (frontmatter `kind`). */
export const CHALLENGE_KINDS = ['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager'] as const;
export type ChallengeKind = (typeof CHALLENGE_KINDS)[number];

/** The code slots a challenge may use (`code.slot`). */
export const CODE_SLOT_IDS: readonly CodeSlotId[] = ['evictionPolicy', 'tableAcquire', 'memoryCleanup', 'batchScheduler'];

/** Frontmatter keys of a challenge README. */
export const CHALLENGE_FRONTMATTER_KEYS = ['title', 'summary', 'kind', 'minutes'] as const;

/** The files a challenge folder may hold (anything else is ignored, by the app's bundle too). */
export const CHALLENGE_FILE_NAMES = ['README.md', 'challenge.json', 'reference.json', 'starter.js', 'reference.js'] as const;

/** One thing wrong with a challenge: the file (`lessons/challenges/<folder>/challenge.json`), where, and what. */
export interface ChallengeProblem {
  file: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** The field, e.g. `goals[1].metric`, `settings[0].path`, `title`. */
  field?: string;
  message: string;
}

const MAX_SEED = 2 ** 32 - 1;
const text = z.string().trim().min(1);
const dottedPath = z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/, { message: 'expected a dotted path such as "tables.small.max"' });
const settingValue = z.union([z.number(), z.string(), z.boolean()]);

export const settingSpecSchema = z
  .strictObject({
    path: dottedPath,
    label: text,
    term: text,
    unit: text.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
    options: z.array(settingValue).min(2).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.options !== undefined) {
      for (const key of ['min', 'max', 'step', 'unit'] as const) {
        if (s[key] !== undefined) ctx.addIssue({ code: 'custom', path: [key], message: `a setting with "options" has no "${key}"` });
      }
      const seen = new Set<unknown>();
      s.options.forEach((o, i) => {
        if (seen.has(o)) ctx.addIssue({ code: 'custom', path: ['options', i], message: `${JSON.stringify(o)} is listed twice` });
        seen.add(o);
      });
      return;
    }
    if (s.min === undefined || s.max === undefined) {
      ctx.addIssue({ code: 'custom', path: [], message: 'expected "min" and "max" (a number setting) or "options" (a choice)' });
    } else if (s.min > s.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `expected max >= min (${s.min}), got ${s.max}` });
    }
  });

export const goalSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'expected an id in lower case words joined by - (e.g. "p95-wait")' }),
    text,
    metric: dottedPath.optional(),
    event: z.string().min(1).optional(),
    settings: z.array(dottedPath).min(1).optional(),
    op: z.enum(CONDITION_OPS as [GoalOp, ...GoalOp[]]),
    value: z.number(),
  })
  .superRefine((g, ctx) => {
    const given = (['metric', 'event', 'settings'] as const).filter((k) => g[k] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: `expected exactly one of "metric", "event" or "settings"${given.length === 0 ? '' : `, got ${given.map((k) => `"${k}"`).join(' and ')}`}`,
      });
    }
  });

export const codeSpecSchema = z.strictObject({
  slot: z.enum(CODE_SLOT_IDS as [CodeSlotId, ...CodeSlotId[]]),
  params: z.record(z.string(), z.number()).optional(),
});

export const challengeJsonSchema = z.strictObject({
  /** Checked by the loader (built-in id, extends object, scenario object, or null). */
  scenario: z.unknown(),
  seeds: z
    .array(z.number().int().min(0).max(MAX_SEED))
    .min(2)
    .superRefine((seeds, ctx) => {
      seeds.forEach((s, i) => {
        if (seeds.indexOf(s) !== i) ctx.addIssue({ code: 'custom', path: [i], message: `seed ${s} is listed twice` });
      });
    }),
  settings: z.array(settingSpecSchema),
  code: codeSpecSchema.optional(),
  goals: z.array(goalSchema).min(1),
});
export type ChallengeJson = z.output<typeof challengeJsonSchema>;

export const referenceJsonSchema = z.strictObject({
  settings: z.record(z.string(), settingValue),
});
export type ReferenceJson = z.output<typeof referenceJsonSchema>;
