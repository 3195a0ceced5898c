import { describe, expect, it } from 'vitest';
import { readChallengeFolders } from '../../challenge/readChallengeFiles.ts';
import { loadChallenges } from '../../challenge/loadChallenge.ts';
import { builtInScenarios, scenarioOrThrow } from '../../sim/index.ts';
import { scenarioWithSettings } from '../../challenge/settings.ts';
import { decodeSetup } from '../setupParam.ts';
import { parseStartParams } from '../startParams.ts';
import { freePlayHref } from './freePlayLink.ts';

const { challenges } = loadChallenges(readChallengeFolders(), { simulate: false });
const byId = (id: string) => {
  const c = challenges.find((x) => x.id === id);
  if (!c) throw new Error(`no challenge ${id}`);
  return c;
};
const choices = Object.keys(builtInScenarios).map((id) => ({ id, name: id }));

describe('freePlayHref', () => {
  it('opens the extended built-in scenario on the seed, paused, and its setup rebuilds the challenge night with the settings', () => {
    const c = byId('friday-rush');
    const settings = { ...c.startingSettings, 'tables.small.max': 20 };
    const href = freePlayHref(c, settings, 11);
    expect(href).not.toBeNull();
    const params = parseStartParams(href!, choices);
    expect(params).toMatchObject({ scenarioId: 'tables', seed: 11, isPaused: true, notices: [] });
    const setup = new URLSearchParams(href!).get('setup');
    const decoded = decodeSetup(setup!, builtInScenarios.tables);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const expected = scenarioWithSettings(c, settings);
    // The night free play shows: the base scenario's name and length, the challenge's workload and tables.
    expect(decoded.scenario.workload).toEqual(expected.workload);
    expect(decoded.scenario.tables).toEqual(expected.tables);
    expect(decoded.scenario.tables?.small.max).toBe(20);
    expect(decoded.scenario.durationMs).toBe(scenarioOrThrow(builtInScenarios.tables).durationMs);
  });

  it('is null for a code-slot challenge and for settings that do not make a scenario', () => {
    expect(freePlayHref(byId('write-lru'), {}, 7)).toBeNull();
    const c = byId('friday-rush');
    expect(freePlayHref(c, { ...c.startingSettings, 'tables.small.max': -5 }, 11)).toBeNull();
  });

  it('every shipped settings challenge has a link whose setup free play accepts', () => {
    for (const c of challenges.filter((x) => x.scenario !== null)) {
      const href = freePlayHref(c, c.startingSettings, c.seeds[0]);
      expect(href, c.id).not.toBeNull();
      const setup = new URLSearchParams(href!).get('setup');
      if (setup === null) continue;
      expect(decodeSetup(setup, builtInScenarios[c.baseScenarioId!]).ok, c.id).toBe(true);
    }
  });
});
