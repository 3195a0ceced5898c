/**
 * The free-play link of a challenge's night: the built-in scenario it extends, with the challenge's changes
 * and the learner's settings as the link's changed setup (`setup=`, see setupParam.ts), on one grading seed,
 * paused at the start. Free play then shows the very service the goals are checked on, to watch and tinker.
 *
 * @example
 * freePlayHref(fridayRush, { 'tables.small.max': 20 }, 11)
 * // '?scenario=tables&seed=11&paused=1&setup=eyJ3b3Jr...'
 */
import { builtInScenarios, scenarioOrThrow } from '../../sim/index.ts';
import { scenarioWithSettings } from '../../challenge/settings.ts';
import type { Challenge, SettingValue } from '../../challenge/types.ts';
import { encodeSetup, setupPatchOf } from '../setupParam.ts';
import { shareSearch } from '../startParams.ts';

/** The link, or null when the challenge has no scenario (a code slot) or the settings do not make one. */
export function freePlayHref(challenge: Challenge, settings: Readonly<Record<string, SettingValue>>, seed: number): string | null {
  const baseId = challenge.baseScenarioId;
  if (challenge.scenario === null || baseId === null || !Object.hasOwn(builtInScenarios, baseId)) return null;
  let scenario;
  try {
    scenario = scenarioWithSettings(challenge, settings);
  } catch {
    return null;
  }
  const patch = setupPatchOf(scenarioOrThrow(builtInScenarios[baseId]), scenario);
  const search = shareSearch({ scenarioId: baseId, seed, isPaused: true });
  return patch === null ? search : `${search}&setup=${encodeSetup(patch)}`;
}
