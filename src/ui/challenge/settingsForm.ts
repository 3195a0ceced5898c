/**
 * The settings form as data: what field each setting is (a number with its range and unit, or a choice of
 * options), how a typed value is read (refused with a reason shown beside the field), and the settings a
 * draft holds (the challenge's starting values, overridden by the learner's valid ones).
 *
 * @example
 * readSettingText({ path: 'tables.small.max', min: 1, max: 30, step: 1, ... }, '40')
 * // { ok: false, message: 'At most 30.' }
 */
import type { Challenge, SettingSpec, SettingValue } from '../../challenge/types.ts';

export type SettingField =
  | { kind: 'number'; spec: SettingSpec; min: number; max: number; step: number; rangeText: string }
  | { kind: 'choice'; spec: SettingSpec; options: { value: SettingValue; text: string }[] };

export type ReadSetting = { ok: true; value: SettingValue } | { ok: false; message: string };

/** A number as the form writes it: no exponent, no float noise (0.1 + 0.2 -> "0.3"). */
export function numberText(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toPrecision(12)));
}

/** The text an option shows (and its `<option value>`): strings as they are, numbers and booleans as text. */
export function optionText(value: SettingValue): string {
  return typeof value === 'number' ? numberText(value) : String(value);
}

export function settingField(spec: SettingSpec): SettingField {
  if (spec.options !== undefined) return { kind: 'choice', spec, options: spec.options.map((value) => ({ value, text: optionText(value) })) };
  const min = spec.min ?? 0;
  const max = spec.max ?? Number.MAX_SAFE_INTEGER;
  const step = spec.step ?? 1;
  const unit = spec.unit ? ` ${spec.unit}` : '';
  return { kind: 'number', spec, min, max, step, rangeText: `${numberText(min)} to ${numberText(max)}${unit}${step !== 1 ? `, in steps of ${numberText(step)}` : ''}` };
}

/** Reads what was typed or chosen for `spec`; refuses a value out of range, off the step, or not an option. */
export function readSettingText(spec: SettingSpec, text: string): ReadSetting {
  const field = settingField(spec);
  if (field.kind === 'choice') {
    const option = field.options.find((o) => o.text === text);
    return option ? { ok: true, value: option.value } : { ok: false, message: `Choose one of: ${field.options.map((o) => o.text).join(', ')}.` };
  }
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a number.' };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return { ok: false, message: `“${trimmed.slice(0, 20)}” is not a number.` };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, message: `“${trimmed.slice(0, 20)}” is not a number.` };
  if (value < field.min) return { ok: false, message: `At least ${numberText(field.min)}.` };
  if (value > field.max) return { ok: false, message: `At most ${numberText(field.max)}.` };
  const steps = (value - field.min) / field.step;
  if (Math.abs(steps - Math.round(steps)) > 1e-9) {
    return { ok: false, message: field.step === 1 ? 'A whole number.' : `In steps of ${numberText(field.step)} from ${numberText(field.min)}.` };
  }
  return { ok: true, value };
}

/** True when `value` is allowed for `spec` (what a stored draft is checked with). */
export function isAllowed(spec: SettingSpec, value: SettingValue): boolean {
  if (spec.options !== undefined) return spec.options.some((o) => o === value);
  return typeof value === 'number' && readSettingText(spec, numberText(value)).ok;
}

/** What the field shows for `value`. */
export function settingText(spec: SettingSpec, value: SettingValue): string {
  return spec.options !== undefined ? optionText(value) : typeof value === 'number' ? numberText(value) : String(value);
}

/**
 * The settings of a draft: every setting's starting value, overridden by the stored values that are still
 * allowed. `dropped` lists stored values that are not (an older draft, or a setting since removed).
 */
export function draftSettings(challenge: Pick<Challenge, 'settings' | 'startingSettings'>, stored: Record<string, SettingValue> | undefined): { settings: Record<string, SettingValue>; dropped: string[] } {
  const settings: Record<string, SettingValue> = {};
  const dropped: string[] = [];
  for (const spec of challenge.settings) settings[spec.path] = challenge.startingSettings[spec.path];
  for (const [path, value] of Object.entries(stored ?? {})) {
    const spec = challenge.settings.find((s) => s.path === path);
    if (spec && isAllowed(spec, value)) settings[path] = value;
    else dropped.push(path);
  }
  return { settings, dropped };
}
