/**
 * What happens when a learner commits a value: the text is read (plainly wrong text is refused here, with a
 * message for the learner), then a live field's command goes to the simulation, which has the last word;
 * setup fields are gathered into a new scenario that is checked before the service restarts with it.
 * Pure functions; the simulation is reached only through the callbacks passed in.
 *
 * @example
 * commitLive(field, 'abc', limits, scenario, applyLimit) // '“abc” is not a number.' (nothing applied)
 * commitLive(field, '16', limits, scenario, applyLimit)  // null, or the simulation's refusal in plain words
 */
import type { LimitCommand } from '../../sim/commands.ts';
import type { LimitsInForce } from '../../sim/limitsInForce.ts';
import { formatProblems, parseScenario, type Scenario, type ScenarioInput } from '../../sim/scenario.ts';
import { createSimulation } from '../../sim/simulation.ts';
import type { LimitField, LimitValue, NumberField } from './limitFields.ts';
import { commandFor, currentValueOf, scenarioWith } from './limitValues.ts';
import { plainRefusal, restaurantName, type TermNamer } from './refusalText.ts';
import { parseLimitText } from './units.ts';

/** Reads `text` as a value of `field` (see `parseLimitText`). */
export function parseFieldText(field: NumberField, text: string): ReturnType<typeof parseLimitText> {
  return parseLimitText(text, field.unitKind, field.unit, field.allowsUnbounded === true);
}

/**
 * Applies `value` to live `field` now. Returns null, or the simulation's refusal. A value already in force
 * is not sent (a slider held still would otherwise add a command to the run's timeline every frame). A
 * refusal is said in plain language (`refusalText.ts`), limits named by `name`.
 */
export function applyLiveValue(
  field: LimitField,
  value: LimitValue,
  limits: LimitsInForce,
  scenario: Scenario,
  applyLimit: (command: LimitCommand) => string | null,
  name: TermNamer = restaurantName,
): string | null {
  if (currentValueOf(field, limits, scenario) === value) return null;
  const refusal = applyLimit(commandFor(field, value, limits, scenario));
  return refusal === null ? null : plainRefusal(refusal, [field], name);
}

/** Reads `text` and applies it to live `field`. Returns null, or why nothing changed. */
export function commitLive(
  field: NumberField,
  text: string,
  limits: LimitsInForce,
  scenario: Scenario,
  applyLimit: (command: LimitCommand) => string | null,
  name: TermNamer = restaurantName,
): string | null {
  const parsed = parseFieldText(field, text);
  if (!parsed.ok) return parsed.message;
  return applyLiveValue(field, parsed.value, limits, scenario, applyLimit, name);
}

/** The outcome of gathering a kind's setup drafts. */
export type SetupPlan =
  | { ok: true; scenario: ScenarioInput }
  /** `fieldErrors` by field id; `message` for the whole group. */
  | { ok: false; fieldErrors: Record<string, string>; message: string };

/**
 * The scenario with the drafted setup values of `fields` (texts for number fields, values for choices and
 * toggles), checked by the scenario schema and by building a simulation from it, so that a restart cannot
 * fail. A problem whose path names a field is also given to that field; problems are said in plain language.
 */
export function planSetup(
  fields: readonly LimitField[],
  scenario: Scenario,
  texts: Readonly<Record<string, string>>,
  choices: Readonly<Record<string, LimitValue>>,
  name: TermNamer = restaurantName,
): SetupPlan {
  const fieldErrors: Record<string, string> = {};
  const changes: { field: LimitField; value: LimitValue }[] = [];
  for (const field of fields) {
    if (field.type === 'number' && texts[field.id] !== undefined) {
      const parsed = parseFieldText(field, texts[field.id]);
      if (parsed.ok) changes.push({ field, value: parsed.value });
      else fieldErrors[field.id] = parsed.message;
    } else if (field.type !== 'number' && choices[field.id] !== undefined) {
      changes.push({ field, value: choices[field.id] });
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, message: 'Fix the marked fields first.' };
  const input = scenarioWith(scenario, changes);
  const result = parseScenario(input);
  if (!result.ok) {
    for (const problem of result.problems) {
      const field = fields.find((f) => f.scenarioPath.join('.') === problem.path);
      if (field !== undefined) fieldErrors[field.id] = plainRefusal(problem.message, fields, name, problem.path);
    }
    return { ok: false, fieldErrors, message: plainRefusal(formatProblems(result.problems), fields, name) };
  }
  try {
    createSimulation(result.scenario);
  } catch (error) {
    return { ok: false, fieldErrors, message: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, scenario: input };
}
