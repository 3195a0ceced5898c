/**
 * The shapes of a challenge, a solution file and a verdict: what the loader builds, the app and the grader
 * exchange, and a solution file holds. Plain data, JSON-safe (a verdict crosses a Web Worker boundary and is
 * written to `results.json`).
 *
 * A challenge is a folder under `lessons/challenges/` (see `lessons/challenges/README.md`):
 * `README.md` (frontmatter + the brief), `challenge.json` (scenario, grading seeds, settings the learner may
 * change, an optional code slot, goals), `reference.json` (the reference solution's settings) and, with a
 * code slot, `starter.js` and `reference.js`.
 */
import type { Block } from '../lessons/markdown.ts';
import type { Scenario } from '../sim/scenario.ts';

/** A comparison a goal makes: `actual op value`. */
export type GoalOp = '<=' | '<' | '>=' | '>' | '==';

/** A value a setting can take: a number or one of a list of options. */
export type SettingValue = number | string | boolean;

/**
 * One setting of the scenario the learner may change (a dotted path into the scenario, e.g.
 * `tables.small.max`, `stations.heap.policy`, `shelf.maxBytes`), with its range or its options. Settings
 * apply before the service opens (a capacity plan), so policies can change too.
 */
export interface SettingSpec {
  /** Dotted path into the scenario JSON. */
  path: string;
  /** UI label in restaurant words ("Small tables, at most"). */
  label: string;
  /** The real term ("connection pool max size, small class"). */
  term: string;
  /** Unit shown beside a number field ("tables", "bytes", "ms"); absent for options. */
  unit?: string;
  /** Number settings: inclusive range and step. */
  min?: number;
  max?: number;
  step?: number;
  /** Option settings: the values allowed. */
  options?: SettingValue[];
}

/** Code slots: a function the learner writes, run by a harness (`src/challenge/slots/`). */
export type CodeSlotId = 'evictionPolicy' | 'tableAcquire' | 'memoryCleanup' | 'batchScheduler';

export interface CodeSlotSpec {
  slot: CodeSlotId;
  /** Harness parameters (capacity, timeouts, trace length...), as the slot documents them. */
  params: Record<string, number>;
}

/**
 * A goal: a predicate that must hold at the end of the run on every grading seed.
 * - `metric`: a dotted path into the end-of-run metrics (then the gauges) of the simulation, or into the
 *   harness metrics of a code slot.
 * - `event`: the number of facts of that type in the event log (simulation or harness).
 * - `settings`: the sum of the solution's values of these settings (a budget: "at most 14 tables").
 */
export type Goal = { id: string; text: string; op: GoalOp; value: number } & (
  | { metric: string }
  | { event: string }
  | { settings: string[] }
);

/** A loaded, validated challenge. */
export interface Challenge {
  /** Folder name without its number (`friday-rush`), unique; the id a solution names. */
  id: string;
  /** Folder name (`01-friday-rush`). */
  folder: string;
  number: number;
  title: string;
  summary: string;
  /** Which kind it exercises: 'tables' | 'staff' | 'ingredients' | 'stations' | 'shelf' | 'manager'. */
  kind: string;
  /** The brief (README body) as a safe Markdown AST. */
  brief: Block[];
  /** The scenario every seed runs (defaults filled); absent for a code slot whose harness needs none. */
  scenario: Scenario | null;
  /** The built-in scenario it is (or `extends`), so free play can show the same night; null without one. */
  baseScenarioId: string | null;
  /** Grading seeds (at least 2). */
  seeds: number[];
  settings: SettingSpec[];
  /** The starting value of every setting (read from the scenario, or the slot params). */
  startingSettings: Record<string, SettingValue>;
  code: (CodeSlotSpec & { starter: string; functionName: string; signature: string; contract: string }) | null;
  goals: Goal[];
  /** The reference solution (ships with the challenge; must pass). */
  reference: SolutionFile;
}

/** The identifier of a solution file's format. */
export const SOLUTION_FORMAT = 'back-of-house/solution';

/**
 * A solution file, as the app exports it and the grader reads it.
 * @example
 * { "format": "back-of-house/solution", "version": 1, "challenge": "friday-rush", "engine": "1",
 *   "settings": { "tables.small.max": 10 }, "code": null }
 */
export interface SolutionFile {
  format: typeof SOLUTION_FORMAT;
  version: 1;
  /** The challenge id. */
  challenge: string;
  /** The engine version it was made with (`ENGINE_VERSION`). */
  engine: string;
  /** A value for some or all of the challenge's settings (the rest keep their starting value). */
  settings: Record<string, SettingValue>;
  /** The code slot's source (a function declaration named as the slot says), or null without a slot. */
  code: string | null;
}

export type GoalStatus = 'pass' | 'fail';

export interface SeedResult {
  seed: number;
  /** The measured value (null when the run had none, e.g. no samples, or the code failed). */
  actual: number | null;
  status: GoalStatus;
  /** Plain-language reason, e.g. "p95 wait 6:12, over 5:00" or "code failed: chooseVictim threw ...". */
  message: string;
}

export interface GoalResult {
  id: string;
  text: string;
  status: GoalStatus;
  /** The first failing seed's message, or a one-line summary when every seed passes. */
  message: string;
  perSeed: SeedResult[];
}

/** The verdict on one solution: every goal on every seed. */
export interface Verdict {
  challenge: string;
  engine: string;
  status: GoalStatus;
  seeds: number[];
  goals: GoalResult[];
  /** The learner code's failure (compile error, throw, time limit, wrong return type), or null. */
  codeError: string | null;
}
