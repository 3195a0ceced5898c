import { describe, expect, it } from 'vitest';
import { readSettingPath, scenarioWithSettings, settingValueProblem, SettingsError, writeSettingPath } from './settings.ts';
import { loadChallenge } from './loadChallenge.ts';
import { readChallengeFolder } from './readChallengeFiles.ts';
import { join } from 'node:path';

const r = loadChallenge('01-valid-limits', readChallengeFolder(join(import.meta.dirname, 'fixtures', 'valid-limits')), { simulate: false });
if (!r.ok) throw new Error('fixture');
const challenge = r.challenge;

describe('settings', () => {
  it('reads and writes dotted paths (copies)', () => {
    const o = { a: { b: 1, c: [1] } };
    expect(readSettingPath(o, 'a.b')).toBe(1);
    expect(readSettingPath(o, 'a.x')).toBeUndefined();
    expect(readSettingPath(o, 'a.c.0')).toBeUndefined();
    const w = writeSettingPath(o, 'a.b', 5);
    expect([w.a.b, o.a.b]).toEqual([5, 1]);
  });

  it('value problems', () => {
    const spec = { path: 'p', label: 'P', term: 'p', min: 2, max: 10, step: 2 };
    expect([1, 2, 3, 10, 12, 'x', Infinity].map((v) => settingValueProblem(spec, v))).toEqual([
      '1 is below the minimum 2',
      null,
      '3 is not a step of 2 from 2',
      null,
      '12 is above the maximum 10',
      'expected a number from 2 to 10, got "x"',
      'expected a number from 2 to 10, got Infinity',
    ]);
    expect(settingValueProblem({ path: 'p', label: 'P', term: 'p', options: ['FIRST', 'BEST'] }, 'NEXT')).toBe('"NEXT" is not one of "FIRST", "BEST"');
  });

  it('scenarioWithSettings applies the settings before the service opens, defaults kept', () => {
    const s = scenarioWithSettings(challenge, { 'tables.small.max': 11 });
    expect(s.tables?.small).toEqual({ min: 2, max: 11 });
    expect(s.tables?.large).toEqual({ min: 0, max: 1 }); // from the challenge's extends override
    expect(challenge.scenario?.tables?.small.max).toBe(8); // unchanged
    expect(() => scenarioWithSettings(challenge, { 'tables.small.max': 0 })).toThrow(new SettingsError('setting "tables.small.max": 0 is below the minimum 1'));
  });
});
