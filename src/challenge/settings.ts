/**
 * A challenge's settings: the values a learner may change, each a dotted path into the scenario (or
 * `params.<name>` of a code slot), checked against its range or options, then applied before the service
 * opens.
 *
 * @example
 * checkSettings(challenge, { 'tables.small.max': 40 })
 * // 'setting "tables.small.max": 40 is above the maximum 30'
 * const scenario = scenarioWithSettings(challenge, { 'tables.small.max': 10 });
 */
import { parseScenario, formatProblems, type Scenario } from '../sim/scenario.ts';
import type { Challenge, SettingSpec, SettingValue } from './types.ts';

/** Settings a scenario cannot take: the message says which and why. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** The value at a dotted path of plain data (own properties only), or undefined. */
export function readSettingPath(root: unknown, path: string): unknown {
  let v: unknown = root;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, key)) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A deep copy of `root` with `value` at `path` (every object on the way must exist). */
export function writeSettingPath<T>(root: T, path: string, value: SettingValue): T {
  const copy = structuredClone(root);
  const keys = path.split('.');
  let v: unknown = copy;
  for (const key of keys.slice(0, -1)) v = (v as Record<string, unknown>)[key];
  (v as Record<string, unknown>)[keys[keys.length - 1]] = value;
  return copy;
}

/** `40`, `"BEST"`, `true`, or a short description of something else. */
export function showValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Why `value` is not allowed for `spec` (without the setting's name), or null. */
export function settingValueProblem(spec: SettingSpec, value: unknown): string | null {
  if (spec.options !== undefined) {
    if (spec.options.some((o) => o === value)) return null;
    return `${showValue(value)} is not one of ${spec.options.map((o) => showValue(o)).join(', ')}`;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number from ${spec.min} to ${spec.max}, got ${showValue(value)}`;
  if (spec.min !== undefined && value < spec.min) return `${value} is below the minimum ${spec.min}`;
  if (spec.max !== undefined && value > spec.max) return `${value} is above the maximum ${spec.max}`;
  if (spec.step !== undefined) {
    const steps = (value - (spec.min ?? 0)) / spec.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return `${value} is not a step of ${spec.step} from ${spec.min ?? 0}`;
  }
  return null;
}

/** The starting value of every setting (a copy of `challenge.startingSettings`). */
export function startingSettings(challenge: Challenge): Record<string, SettingValue> {
  return { ...challenge.startingSettings };
}

/** The starting settings with `settings` over them, in the challenge's setting order. */
export function completeSettings(challenge: Challenge, settings: Readonly<Record<string, SettingValue>>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const spec of challenge.settings) out[spec.path] = Object.hasOwn(settings, spec.path) ? settings[spec.path] : challenge.startingSettings[spec.path];
  return out;
}

/**
 * The first problem of `settings` for `challenge` as one line naming the setting, or null: an unknown
 * setting, a value out of range or not an option, or values that do not go together in the scenario.
 */
export function checkSettings(challenge: Challenge, settings: Readonly<Record<string, unknown>>): string | null {
  for (const [path, value] of Object.entries(settings)) {
    const spec = challenge.settings.find((s) => s.path === path);
    if (spec === undefined) {
      const known = challenge.settings.map((s) => JSON.stringify(s.path)).join(', ');
      return `unknown setting ${JSON.stringify(path)} (this challenge has ${known === '' ? 'no settings' : known})`;
    }
    const problem = settingValueProblem(spec, value);
    if (problem !== null) return `setting ${JSON.stringify(path)}: ${problem}`;
  }
  if (challenge.scenario !== null) {
    const r = parseScenario(applyToScenario(challenge.scenario, completeSettings(challenge, settings as Record<string, SettingValue>)));
    if (!r.ok) return `these settings do not go together: ${formatProblems(r.problems)}`;
  }
  return null;
}

function applyToScenario(scenario: Scenario, settings: Readonly<Record<string, SettingValue>>): Scenario {
  let s = scenario;
  for (const [path, value] of Object.entries(settings)) s = writeSettingPath(s, path, value);
  return s;
}

/** The challenge's scenario with `settings` applied (defaults filled). Throws SettingsError. */
export function scenarioWithSettings(challenge: Challenge, settings: Readonly<Record<string, SettingValue>>): Scenario {
  if (challenge.scenario === null) throw new SettingsError(`challenge ${JSON.stringify(challenge.id)} has no scenario (it runs a code slot)`);
  const problem = checkSettings(challenge, settings);
  if (problem !== null) throw new SettingsError(problem);
  const r = parseScenario(applyToScenario(challenge.scenario, completeSettings(challenge, settings)));
  if (!r.ok) throw new SettingsError(`these settings do not go together: ${formatProblems(r.problems)}`);
  return r.scenario;
}

/** The code slot's params with `settings` (`params.<name>`) applied. Throws SettingsError. */
export function paramsWithSettings(challenge: Challenge, settings: Readonly<Record<string, SettingValue>>): Record<string, number> {
  if (challenge.code === null) throw new SettingsError(`challenge ${JSON.stringify(challenge.id)} has no code slot`);
  const problem = checkSettings(challenge, settings);
  if (problem !== null) throw new SettingsError(problem);
  const params = { ...challenge.code.params };
  for (const [path, value] of Object.entries(completeSettings(challenge, settings))) {
    if (!path.startsWith('params.')) continue;
    if (typeof value !== 'number') throw new SettingsError(`setting ${JSON.stringify(path)}: a slot param must be a number, got ${showValue(value)}`);
    params[path.slice('params.'.length)] = value;
  }
  return params;
}
