/**
 * Solution files: what the app exports and the grader reads (`{ format, version, challenge, engine,
 * settings, code }`, see {@link SolutionFile}). Reading one never throws: any problem is one line naming the
 * field, so a grader can report it per file and go on with the others.
 *
 * @example
 * const r = parseSolutionFile(text, challengeList);
 * if (!r.ok) console.log(r.message); // 'engine: made with engine 0; this grader runs engine 1'
 * solutionToJson(makeSolutionFile(challenge, { 'tables.small.max': 10 }, null));
 */
import { formatNumber } from '../lessons/lessonRuns.ts';
import { parseJsonWithLines } from '../lessons/jsonLines.ts';
import { describeValue } from '../lessons/lessonSchema.ts';
import { ENGINE_VERSION } from './engineVersion.ts';
import { checkSettings } from './settings.ts';
import { SOLUTION_FORMAT, type Challenge, type SettingValue, type SolutionFile } from './types.ts';

/** Largest solution file read (bytes of UTF-8). */
export const MAX_SOLUTION_BYTES = 256 * 1024;
/** Largest `code` in a solution (bytes of UTF-8). */
export const MAX_CODE_BYTES = 64 * 1024;

const FIELDS = ['format', 'version', 'challenge', 'engine', 'settings', 'code'] as const;

export type ParsedSolution = { ok: true; solution: SolutionFile; challenge: Challenge } | { ok: false; message: string };

/** Bytes of `text` in UTF-8. */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** `300 KiB`. */
function kib(bytes: number): string {
  return `${formatNumber(Math.round((bytes / 1024) * 10) / 10)} KiB`;
}

/** True when `text` is over `max` bytes of UTF-8 (without encoding a huge text first). */
function isOver(text: string, max: number): boolean {
  return text.length > max || byteLength(text) > max;
}

/** Reads a solution file's text for one of `challenges` (see the module comment for the messages). */
export function parseSolutionFile(text: string, challenges: readonly Challenge[]): ParsedSolution {
  const fail = (message: string): ParsedSolution => ({ ok: false, message });
  if (isOver(text, MAX_SOLUTION_BYTES)) return fail(`too large: ${kib(text.length > 4 * MAX_SOLUTION_BYTES ? text.length : byteLength(text))} (a solution file is at most ${kib(MAX_SOLUTION_BYTES)})`);
  const json = parseJsonWithLines(text.replace(/^\uFEFF/, ''));
  if (!json.ok) return fail(`not JSON: line ${json.line}: ${json.message}`);
  const v = json.value;
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(`not a solution file: expected a JSON object, got ${describeValue(v)}`);
  const o = v as Record<string, unknown>;

  if (!Object.hasOwn(o, 'format')) return fail(`format: missing (expected "${SOLUTION_FORMAT}"): not a Back of House solution file`);
  if (o.format !== SOLUTION_FORMAT) return fail(`format: expected "${SOLUTION_FORMAT}", got ${describeValue(o.format)}`);
  if (!Object.hasOwn(o, 'version')) return fail('version: missing (expected 1)');
  if (o.version !== 1) return fail(`version: this grader reads version 1 solution files, not version ${describeValue(o.version)}`);
  for (const key of Object.keys(o)) {
    if (!(FIELDS as readonly string[]).includes(key)) return fail(`unknown field ${JSON.stringify(key)} (a solution file has ${FIELDS.join(', ')})`);
  }

  if (typeof o.challenge !== 'string') return fail(`challenge: expected a challenge id (text), got ${describeValue(o.challenge)}`);
  const challenge = challenges.find((c) => c.id === o.challenge);
  if (challenge === undefined) {
    return fail(`challenge: unknown challenge ${describeValue(o.challenge)} (this grader knows ${challenges.map((c) => c.id).join(', ') || 'none'})`);
  }
  if (typeof o.engine !== 'string') return fail(`engine: expected the engine version (text), got ${describeValue(o.engine)}`);
  if (o.engine !== ENGINE_VERSION) return fail(`engine: made with engine ${o.engine}; this grader runs engine ${ENGINE_VERSION}`);

  const settings = Object.hasOwn(o, 'settings') ? o.settings : {};
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) return fail(`settings: expected an object of setting values, got ${describeValue(settings)}`);
  const settingsProblem = checkSettings(challenge, settings as Record<string, unknown>);
  if (settingsProblem !== null) return fail(settingsProblem);

  const code = Object.hasOwn(o, 'code') ? o.code : null;
  if (challenge.code === null) {
    if (code !== null) return fail('code: this challenge has no code slot; expected null');
  } else {
    if (code === null || code === undefined) return fail(`code: missing: this challenge needs a function named ${challenge.code.functionName}`);
    if (typeof code !== 'string') return fail(`code: expected the code as text, got ${describeValue(code)}`);
    if (isOver(code, MAX_CODE_BYTES)) return fail(`code: too large: ${kib(byteLength(code))} (at most ${kib(MAX_CODE_BYTES)})`);
  }

  return {
    ok: true,
    challenge,
    solution: makeSolutionFile(challenge, settings as Record<string, SettingValue>, code as string | null),
  };
}

/**
 * A solution file for `challenge`: every setting (the starting value where `settings` has none, in the
 * challenge's order; settings it does not have are kept after them) and the code (null without a code slot).
 */
export function makeSolutionFile(
  challenge: Pick<Challenge, 'id' | 'settings' | 'startingSettings'>,
  settings: Readonly<Record<string, SettingValue>>,
  code: string | null,
): SolutionFile {
  const ordered: Record<string, SettingValue> = {};
  for (const spec of challenge.settings) ordered[spec.path] = Object.hasOwn(settings, spec.path) ? settings[spec.path] : challenge.startingSettings[spec.path];
  for (const [path, value] of Object.entries(settings)) if (!Object.hasOwn(ordered, path)) ordered[path] = value;
  return { format: SOLUTION_FORMAT, version: 1, challenge: challenge.id, engine: ENGINE_VERSION, settings: ordered, code };
}

/** The file's text: 2-space JSON, keys in a fixed order (settings in their own order), a final newline. */
export function solutionToJson(solution: SolutionFile): string {
  const ordered: SolutionFile = {
    format: solution.format,
    version: solution.version,
    challenge: solution.challenge,
    engine: solution.engine,
    settings: { ...solution.settings },
    code: solution.code,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** The starting state as a solution: starting settings and `starter.js`. */
export function starterSolution(challenge: Challenge): SolutionFile {
  return makeSolutionFile(challenge, challenge.startingSettings, challenge.code === null ? null : challenge.code.starter);
}

/** The reference solution shipped with the challenge. */
export function referenceSolution(challenge: Challenge): SolutionFile {
  return makeSolutionFile(challenge, challenge.reference.settings, challenge.reference.code);
}
