/**
 * A changed setup in a link (`?setup=`): the parts of the scenario a learner changed with a restart (pool
 * sizes, fit policy, shelf policy...), as base64url JSON of the changed top-level kinds only. Read back
 * strictly: merged over the built-in scenario and checked by the scenario schema; anything else is dropped
 * with a notice. Nothing here throws.
 */
import { parseScenario, formatProblems, type Scenario, type ScenarioInput } from '../sim/index.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';

/** The scenario parts a setup change may replace. */
export const SETUP_KINDS = ['tables', 'staff', 'ingredients', 'stations', 'shelf', 'manager', 'workload', 'faults'] as const;
const MAX_SETUP_TEXT = 20_000;

export type SetupPatch = Partial<Pick<ScenarioInput, (typeof SETUP_KINDS)[number]>>;

/** The kinds of `changed` that differ from `base` (both validated scenarios), or null when none does. */
export function setupPatchOf(base: Scenario, changed: Scenario): SetupPatch | null {
  const patch: Record<string, unknown> = {};
  for (const kind of SETUP_KINDS) {
    if (JSON.stringify(base[kind]) !== JSON.stringify(changed[kind])) patch[kind] = changed[kind];
  }
  return Object.keys(patch).length === 0 ? null : (patch as SetupPatch);
}

export function encodeSetup(patch: SetupPatch): string {
  return toBase64Url(JSON.stringify(patch));
}

export type DecodedSetup = { ok: true; scenario: Scenario; patch: SetupPatch } | { ok: false; problem: string };

/** The built-in scenario `base` with the link's setup applied, or why the setup was dropped. */
export function decodeSetup(text: string, base: ScenarioInput): DecodedSetup {
  if (text.length > MAX_SETUP_TEXT) return { ok: false, problem: `longer than ${MAX_SETUP_TEXT} characters` };
  const json = fromBase64Url(text);
  if (json === null) return { ok: false, problem: 'not base64url text' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problem: 'expected an object of scenario parts' };
  const unknown = Object.keys(data).filter((k) => !(SETUP_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) return { ok: false, problem: `unknown part “${unknown[0].slice(0, 40)}”` };
  const parsed = parseScenario({ ...base, ...(data as object) });
  if (!parsed.ok) return { ok: false, problem: formatProblems(parsed.problems).slice(0, 300) };
  return { ok: true, scenario: parsed.scenario, patch: data as SetupPatch };
}
