/**
 * What the page starts with, read from its URL: `?scenario=<id>&seed=<n>&paused=1`. Bad values never stop the
 * page: they fall back to defaults and leave a notice that says what was wrong.
 */

/** Largest seed the simulation accepts (an unsigned 32-bit integer). */
export const MAX_SEED = 2 ** 32 - 1;

export interface StartParams {
  scenarioId: string;
  /** The seed asked for, or undefined for the scenario's own. */
  seed: number | undefined;
  /** Start paused instead of playing. */
  isPaused: boolean;
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

  const paused = query.get('paused');
  const isPaused = paused !== null && paused !== '0' && paused !== 'false';
  return { scenarioId, seed, isPaused, notices };
}

/** A seed from text: decimal digits only, within 0..{@link MAX_SEED}. */
export function parseSeed(text: string): number | undefined {
  if (!/^\d{1,10}$/.test(text.trim())) return undefined;
  const value = Number(text.trim());
  return value <= MAX_SEED ? value : undefined;
}

/** The query string for a view: `?scenario=tables&seed=7` (the seed left out when it is the scenario's own). */
export function startSearch(scenarioId: string, seed: number | undefined, isPaused = false): string {
  const query = new URLSearchParams({ scenario: scenarioId });
  if (seed !== undefined) query.set('seed', String(seed));
  if (isPaused) query.set('paused', '1');
  return `?${query.toString()}`;
}

/** Untrusted text shown back to the learner, shortened. */
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
