/**
 * Grading one solution: every goal on every grading seed.
 *
 * - A limits challenge: the scenario with the solution's settings, run headless to the end of the service on
 *   each seed; `metric` goals read the end-of-run metrics then the gauges (as lesson tasks do), `event` goals
 *   count facts of that type in the log, `settings` goals sum the solution's values.
 * - A code-slot challenge: the solution's code compiled once with the given {@link CodeRunner}, then the slot's
 *   harness run on each seed with the params (and `params.*` settings). The learner's failure (a compile
 *   error, a throw, a time limit, a return the contract forbids) becomes `codeError`, and every goal on the
 *   seed where it happened fails with that message ("seed 12: chooseVictim threw TypeError: x is undefined").
 *
 * Settings the scenario cannot take fail every goal with the reason; nothing here throws for a bad solution.
 *
 * @example
 * const verdict = evaluateSolution(challenge, referenceSolution(challenge), nodeCodeRunner);
 * verdict.status; // 'pass'
 */
import { readMetric } from '../lessons/lessonRuns.ts';
import { createSimulation } from '../sim/simulation.ts';
import type { CodeRunner } from './codeRunner.ts';
import { ENGINE_VERSION } from './engineVersion.ts';
import { goalResult, seedResult } from './goals.ts';
import { completeSettings, paramsWithSettings, scenarioWithSettings, SettingsError } from './settings.ts';
import { ContractError, LearnerCodeError, type CodeSlot, type SlotRun } from './slots/codeSlot.ts';
import { codeSlots } from './slots/index.ts';
import type { Challenge, CodeSlotId, Goal, SeedResult, SettingValue, SolutionFile, Verdict } from './types.ts';

export interface EvaluateOptions {
  /** The code-slot harnesses (default: the shipped ones, `slots/index.ts`). */
  slots?: Readonly<Partial<Record<CodeSlotId, CodeSlot>>>;
}

/** What one seed measured, or why it measured nothing. */
export type SeedMeasure =
  | {
      seed: number;
      ok: true;
      source: 'simulation' | 'harness';
      /** The value at a metric path (undefined when there is none). */
      metric: (path: string) => unknown;
      /** Facts of a type (a simulation counts every type, 0 included; a harness only those it reports). */
      eventCount: (type: string) => number | undefined;
      /** The harness's metric and event names (empty for a simulation). */
      metricNames: () => string[];
      eventNames: () => string[];
    }
  | { seed: number; ok: false; message: string };

export interface SolutionRun {
  /** The solution's settings over the starting ones, in the challenge's order. */
  settings: Record<string, SettingValue>;
  seeds: SeedMeasure[];
  /** The learner code's first failure, or null. */
  codeError: string | null;
}

/** Grades `solution` on `challenge` (see the module comment). `runner` is needed for a code slot only. */
export function evaluateSolution(challenge: Challenge, solution: SolutionFile, runner: CodeRunner | null, options: EvaluateOptions = {}): Verdict {
  return verdictOf(challenge, runSolution(challenge, solution, runner, options));
}

/** The verdict of a run: every goal on every seed. */
export function verdictOf(challenge: Challenge, run: SolutionRun): Verdict {
  const goals = challenge.goals.map((goal) => goalResult(goal, run.seeds.map((m) => measureGoal(challenge, goal, m, run.settings))));
  return {
    challenge: challenge.id,
    engine: ENGINE_VERSION,
    status: goals.every((g) => g.status === 'pass') ? 'pass' : 'fail',
    seeds: [...challenge.seeds],
    goals,
    codeError: run.codeError,
  };
}

/** Runs the solution on every seed and records what each measured (no goal is judged here). */
export function runSolution(challenge: Challenge, solution: SolutionFile, runner: CodeRunner | null, options: EvaluateOptions = {}): SolutionRun {
  const fail = (message: string, codeError: string | null, settings: Record<string, SettingValue>): SolutionRun => ({
    settings,
    seeds: challenge.seeds.map((seed) => ({ seed, ok: false, message })),
    codeError,
  });
  let settings: Record<string, SettingValue>;
  try {
    settings = completeSettings(challenge, solution.settings);
  } catch {
    settings = { ...challenge.startingSettings };
  }

  if (challenge.code === null) {
    let scenario;
    try {
      scenario = scenarioWithSettings(challenge, solution.settings);
    } catch (e) {
      if (e instanceof SettingsError) return fail(e.message, null, settings);
      throw e;
    }
    return {
      settings,
      codeError: null,
      seeds: challenge.seeds.map((seed): SeedMeasure => {
        const sim = createSimulation(scenario, seed);
        sim.runToEnd();
        const metrics = sim.metrics();
        const gauges = sim.gauges();
        const counts = new Map<string, number>();
        for (const e of sim.log.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
        return {
          seed,
          ok: true,
          source: 'simulation',
          metric: (path) => readMetric(path, metrics, gauges),
          eventCount: (type) => counts.get(type) ?? 0,
          metricNames: () => [],
          eventNames: () => [],
        };
      }),
    };
  }

  const code = challenge.code;
  const slot = (options.slots ?? codeSlots)[code.slot];
  if (slot === undefined) throw new Error(`no harness for the code slot "${code.slot}"`);
  let params: Record<string, number>;
  try {
    params = paramsWithSettings(challenge, solution.settings);
  } catch (e) {
    if (e instanceof SettingsError) return fail(e.message, null, settings);
    throw e;
  }
  if (typeof solution.code !== 'string') {
    const message = `no code: this challenge needs a function named ${code.functionName}`;
    return fail(message, message, settings);
  }
  if (runner === null) throw new Error('evaluateSolution: a code-slot challenge needs a CodeRunner');
  let call: (...args: unknown[]) => unknown;
  try {
    call = runner.compile(solution.code, code.functionName);
  } catch (e) {
    if (e instanceof LearnerCodeError) return fail(e.message, e.message, settings);
    throw e;
  }
  let codeError: string | null = null;
  const seeds = challenge.seeds.map((seed): SeedMeasure => {
    let run: SlotRun;
    try {
      run = slot.run({ seed, params: { ...params }, call });
    } catch (e) {
      if (e instanceof LearnerCodeError || e instanceof ContractError) {
        const message = `seed ${seed}: ${e.message}`;
        codeError ??= message;
        return { seed, ok: false, message };
      }
      throw e;
    }
    return {
      seed,
      ok: true,
      source: 'harness',
      metric: (path) => (Object.hasOwn(run.metrics, path) ? run.metrics[path] : undefined),
      eventCount: (type) => (Object.hasOwn(run.eventCounts, type) ? run.eventCounts[type] : undefined),
      metricNames: () => Object.keys(run.metrics),
      eventNames: () => Object.keys(run.eventCounts),
    };
  });
  return { settings, seeds, codeError };
}

/** One goal on one seed. */
function measureGoal(challenge: Challenge, goal: Goal, m: SeedMeasure, settings: Record<string, SettingValue>): SeedResult {
  if (!m.ok) return { seed: m.seed, actual: null, status: 'fail', message: m.message };
  if ('settings' in goal) {
    let sum = 0;
    for (const path of goal.settings) {
      const v = settings[path];
      sum += typeof v === 'number' ? v : NaN;
    }
    return seedResult(goal, challenge.settings, m.seed, Number.isFinite(sum) ? sum : null, 'the budget settings are not all numbers');
  }
  if ('metric' in goal) {
    const v = m.metric(goal.metric);
    return seedResult(goal, challenge.settings, m.seed, typeof v === 'number' ? v : null, `no value for ${goal.metric}`);
  }
  const n = m.eventCount(goal.event);
  return seedResult(goal, challenge.settings, m.seed, n ?? null, `no count of ${goal.event} events`);
}
