/**
 * What the page starts with, read from its URL, and the URL that shares what the page shows:
 * `?scenario=<id>&seed=<n>&t=<time>&paused=1&terms=<words>&cmds=<limit changes>`.
 *
 * - `scenario`: a built-in scenario id. `seed`: a whole number 0..2^32-1 (absent: the scenario's own).
 * - `t`: the virtual time to go to after the start, as milliseconds (`t=754000`) or minutes and seconds
 *   (`t=12:34`).
 * - `paused=1`: start paused instead of playing.
 * - `terms`: `restaurant` or `systems`, the words to show (without changing the learner's remembered choice).
 * - `cmds`: the active timeline's limit changes, a JSON array of `TimedCommand` (`src/sim/timeline.ts`),
 *   base64url-encoded. Read strictly: every command must have a known kind and only known fields of the right
 *   types, within bounds; a list that is malformed in any way is dropped whole (half a timeline would show
 *   a run nobody made).
 *
 * Bad values never stop the page: each falls back to its default and leaves a notice that says what was
 * wrong (untrusted text is shortened in notices, and shown as text). Nothing here throws.
 */
import { z } from 'zod';
import { limitCommandSchema } from '../sim/commandSchema.ts';
import type { TimedCommand } from '../sim/timeline.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { parseTermsMode, type TermsMode } from './chrome/preferences.ts';

/** Largest seed the simulation accepts (an unsigned 32-bit integer). */
export const MAX_SEED = 2 ** 32 - 1;
/** Latest time a link may ask for: a day, the longest service a scenario may have. */
export const MAX_TIME_MS = 24 * 60 * 60 * 1_000;
/** Most limit changes a link may carry, and the longest `cmds` text read. */
export const MAX_COMMANDS = 200;
export const MAX_COMMANDS_TEXT = 20_000;

export interface StartParams {
  scenarioId: string;
  /** The seed asked for, or undefined for the scenario's own. */
  seed: number | undefined;
  /** Start paused instead of playing. */
  isPaused: boolean;
  /** Virtual ms to go to after the start, or undefined for the start. May be past the service's end. */
  atMs: number | undefined;
  /** Limit changes to replay, in the link's order (empty when none, or when the list was dropped). */
  commands: TimedCommand[];
  /** Words the link asks for, or undefined to keep the learner's choice. */
  termsMode: TermsMode | undefined;
  /** Plain-language notes about values that were ignored. */
  notices: string[];
}

/** A scenario the page can show: its id and display name. */
export interface ScenarioChoice {
  id: string;
  name: string;
}

/**
 * Parses `search` (such as `location.search`).
 * @param choices the built-in scenarios; the first is the default unless `defaultId` names another
 */
export function parseStartParams(search: string, choices: readonly ScenarioChoice[], defaultId?: string): StartParams {
  const query = new URLSearchParams(search);
  const notices: string[] = [];
  const fallback = choices.find((c) => c.id === defaultId) ?? choices[0];

  let scenarioId = fallback?.id ?? '';
  const askedScenario = query.get('scenario');
  if (askedScenario !== null) {
    if (choices.some((c) => c.id === askedScenario)) scenarioId = askedScenario;
    else notices.push(`There is no scenario called “${clip(askedScenario)}”, so this is ${fallback?.name ?? 'the default'} instead.`);
  }

  let seed: number | undefined;
  const askedSeed = query.get('seed');
  if (askedSeed !== null) {
    const parsed = parseSeed(askedSeed);
    if (parsed === undefined) {
      notices.push(`The seed “${clip(askedSeed)}” is not a whole number from 0 to ${MAX_SEED}, so the scenario’s own seed is used.`);
    } else seed = parsed;
  }

  let atMs: number | undefined;
  const askedTime = query.get('t');
  if (askedTime !== null) {
    atMs = parseTime(askedTime);
    if (atMs === undefined) notices.push(`The time “${clip(askedTime)}” is not milliseconds or minutes:seconds (such as 12:30), so the service starts at the beginning.`);
  }

  let termsMode: TermsMode | undefined;
  const askedTerms = query.get('terms');
  if (askedTerms !== null) {
    termsMode = parseTermsMode(askedTerms) ?? undefined;
    if (termsMode === undefined) notices.push(`The words “${clip(askedTerms)}” are neither restaurant nor systems, so your own choice of words is kept.`);
  }

  let commands: TimedCommand[] = [];
  const askedCommands = query.get('cmds');
  if (askedCommands !== null) {
    const decoded = decodeCommands(askedCommands);
    if (decoded.ok) commands = decoded.commands;
    else notices.push(`The limit changes in this link could not be read (${decoded.problem}), so the scenario’s own limits are used.`);
  }

  const paused = query.get('paused');
  const isPaused = paused !== null && paused !== '0' && paused !== 'false';
  return { scenarioId, seed, isPaused, atMs, commands, termsMode, notices };
}

/** A seed from text: decimal digits only, within 0..{@link MAX_SEED}. */
export function parseSeed(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value <= MAX_SEED ? value : undefined;
}

/**
 * A virtual time from text: whole milliseconds (`754000`) or minutes:seconds (`12:34`, minutes past 59
 * allowed, as the clock shows them), within 0..{@link MAX_TIME_MS}; else undefined.
 */
export function parseTime(text: string): number | undefined {
  const t = text.trim();
  let ms: number;
  const clock = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (clock !== null) ms = (Number(clock[1]) * 60 + Number(clock[2])) * 1_000;
  else if (/^\d{1,9}$/.test(t)) ms = Number(t);
  else return undefined;
  return ms <= MAX_TIME_MS ? ms : undefined;
}

/** A time as a link writes it: `12:34` on a whole second, else milliseconds (`754321`). */
export function formatTime(atMs: number): string {
  const ms = Math.max(0, Math.round(atMs));
  if (ms % 1_000 !== 0) return String(ms);
  const seconds = ms / 1_000;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The query string for a view: `?scenario=tables&seed=7` (the seed left out when it is the scenario's own). */
export function startSearch(scenarioId: string, seed: number | undefined, isPaused = false): string {
  return shareSearch({ scenarioId, seed, isPaused });
}

/** What a shared link holds. */
export interface ShareState {
  scenarioId: string;
  /** Left out when undefined (the scenario's own seed). */
  seed?: number;
  /** Virtual ms now; left out when undefined or 0. */
  atMs?: number;
  /** The active timeline's limit changes; left out when empty. */
  commands?: readonly TimedCommand[];
  /** Left out when undefined. */
  termsMode?: TermsMode;
  isPaused?: boolean;
}

/**
 * The query string that shows `state` again: `?scenario=tables&seed=7&t=12:34&paused=1&terms=systems&cmds=...`,
 * each part left out when it is the default.
 */
export function shareSearch(state: ShareState): string {
  const query = new URLSearchParams({ scenario: state.scenarioId });
  if (state.seed !== undefined) query.set('seed', String(state.seed));
  if (state.atMs !== undefined && state.atMs > 0) query.set('t', formatTime(state.atMs));
  if (state.isPaused) query.set('paused', '1');
  if (state.termsMode !== undefined) query.set('terms', state.termsMode);
  if (state.commands !== undefined && state.commands.length > 0) query.set('cmds', encodeCommands(state.commands));
  return `?${query.toString()}`;
}

// ---------------------------------------------------------------- limit changes in a link

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const ms = int(0, MAX_TIME_MS);
const timedCommands = z.array(z.strictObject({ atMs: ms, command: limitCommandSchema })).max(MAX_COMMANDS);

/** Limit changes as a link carries them: compact JSON, base64url without padding. */
export function encodeCommands(commands: readonly TimedCommand[]): string {
  return toBase64Url(JSON.stringify(commands));
}

export type DecodedCommands = { ok: true; commands: TimedCommand[] } | { ok: false; problem: string };

/** Reads {@link encodeCommands}' text back, strictly (see the module comment). Never throws. */
export function decodeCommands(text: string): DecodedCommands {
  if (text.length > MAX_COMMANDS_TEXT) return { ok: false, problem: `longer than ${MAX_COMMANDS_TEXT} characters` };
  const json = fromBase64Url(text);
  if (json === null) return { ok: false, problem: 'not base64url text' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const result = timedCommands.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the list';
    return { ok: false, problem: `${clip(where)}: ${clip(issue.message)}` };
  }
  return { ok: true, commands: result.data as TimedCommand[] };
}

/**
 * The commands that fit a service of `durationMs` (a link's time may be past a shorter scenario's end, and a
 * timeline refuses such commands): the ones inside, and a notice naming how many were dropped, or null.
 */
export function commandsWithin(commands: readonly TimedCommand[], durationMs: number): { commands: TimedCommand[]; notice: string | null } {
  const inside = commands.filter((c) => c.atMs <= durationMs);
  const dropped = commands.length - inside.length;
  return {
    commands: inside,
    notice: dropped === 0 ? null : `${dropped} limit ${dropped === 1 ? 'change comes' : 'changes come'} after the end of this service, so ${dropped === 1 ? 'it is' : 'they are'} left out.`,
  };
}

/** Untrusted text shown back to the learner, shortened. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
