import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeSlots } from './fixtures/fakeSlot.ts';
import { loadChallenge } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolder } from './readChallengeFiles.ts';
import { makeSolutionFile, parseSolutionFile, referenceSolution, solutionToJson, starterSolution } from './solutionFile.ts';
import type { Challenge } from './types.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
function fixture(name: string): Challenge {
  const r = loadChallenge(`01-${name}`, readChallengeFolder(join(FIXTURES, name)), { runner: nodeCodeRunner, slots: fakeSlots });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.challenge;
}
const limits = fixture('valid-limits');
const code = fixture('valid-code');
const all = [limits, code];

const file = (o: Record<string, unknown>) => JSON.stringify({ format: 'back-of-house/solution', version: 1, challenge: 'valid-limits', engine: '1', settings: {}, code: null, ...o });
const message = (text: string) => {
  const r = parseSolutionFile(text, all);
  return r.ok ? 'ok' : r.message;
};

describe('solution files', () => {
  it('makeSolutionFile lists every setting in the challenge order; solutionToJson is stable 2-space JSON', () => {
    const s = makeSolutionFile(limits, { 'tables.large.max': 2, 'tables.small.max': 10 }, null);
    expect(solutionToJson(s)).toBe(
      '{\n  "format": "back-of-house/solution",\n  "version": 1,\n  "challenge": "valid-limits",\n  "engine": "1",\n  "settings": {\n    "tables.small.max": 10,\n    "tables.medium.max": 4,\n    "tables.large.max": 2\n  },\n  "code": null\n}\n',
    );
    const again = parseSolutionFile(solutionToJson(s), all);
    expect(again.ok && solutionToJson(again.solution)).toBe(solutionToJson(s));
  });

  it('starter and reference solutions', () => {
    expect(starterSolution(limits).settings).toEqual({ 'tables.small.max': 8, 'tables.medium.max': 4, 'tables.large.max': 1 });
    expect(referenceSolution(limits).settings).toEqual({ 'tables.small.max': 20, 'tables.medium.max': 8, 'tables.large.max': 3 });
    expect(starterSolution(code).code).toBe('function pick(i, seed) {\n  return 0;\n}\n');
    expect(referenceSolution(code)).toEqual(code.reference);
  });

  it('a good file parses, with its challenge; missing settings keep their starting values', () => {
    const r = parseSolutionFile(file({ settings: { 'tables.small.max': 12 } }), all);
    expect(r.ok && r.challenge.id).toBe('valid-limits');
    expect(r.ok && r.solution.settings).toEqual({ 'tables.small.max': 12, 'tables.medium.max': 4, 'tables.large.max': 1 });
    expect(message(`\uFEFF${file({})}`)).toBe('ok');
  });

  it('every bad file is one line naming the field', () => {
    expect(message('{ "format": "back-of-house/solution",\n  "version": 1,\n}')).toBe('not JSON: line 3: trailing comma is not allowed in JSON');
    expect(message('')).toBe('not JSON: line 1: empty (expected a JSON value)');
    expect(message('[1, 2]')).toBe('not a solution file: expected a JSON object, got an array of 2');
    expect(message('{ "name": "back-of-house" }')).toBe('format: missing (expected "back-of-house/solution"): not a Back of House solution file');
    expect(message(file({ format: 'other/solution' }))).toBe('format: expected "back-of-house/solution", got "other/solution"');
    expect(message(file({ version: 2 }))).toBe('version: this grader reads version 1 solution files, not version 2');
    expect(message(file({ extra: true }))).toBe('unknown field "extra" (a solution file has format, version, challenge, engine, settings, code)');
    expect(message(file({ challenge: 'friday-rush-2' }))).toBe('challenge: unknown challenge "friday-rush-2" (this grader knows valid-limits, valid-code)');
    expect(message(file({ challenge: 7 }))).toBe('challenge: expected a challenge id (text), got 7');
    expect(message(file({ engine: '0' }))).toBe('engine: made with engine 0; this grader runs engine 1');
    expect(message(file({ engine: 1 }))).toBe('engine: expected the engine version (text), got 1');
    expect(message(file({ settings: [] }))).toBe('settings: expected an object of setting values, got an array of 0');
    expect(message(file({ settings: { 'tables.huge.max': 3 } }))).toBe('unknown setting "tables.huge.max" (this challenge has "tables.small.max", "tables.medium.max", "tables.large.max")');
    expect(message(file({ settings: { 'tables.small.max': 31 } }))).toBe('setting "tables.small.max": 31 is above the maximum 30');
    expect(message(file({ settings: { 'tables.small.max': 2.5 } }))).toBe('setting "tables.small.max": 2.5 is not a step of 1 from 1');
    expect(message(file({ settings: { 'tables.small.max': '10' } }))).toBe('setting "tables.small.max": expected a number from 1 to 30, got "10"');
    expect(message(file({ code: 'function pick() {}' }))).toBe('code: this challenge has no code slot; expected null');
    expect(message(file({ challenge: 'valid-code', code: null }))).toBe('code: missing: this challenge needs a function named pick');
    expect(message(file({ challenge: 'valid-code', code: 12 }))).toBe('code: expected the code as text, got 12');
    expect(message(file({ challenge: 'valid-code', code: `// ${'x'.repeat(70 * 1024)}` }))).toBe('code: too large: 70 KiB (at most 64 KiB)');
    expect(message(' '.repeat(300 * 1024))).toBe('too large: 300 KiB (a solution file is at most 256 KiB)');
    expect(message('x'.repeat(50 * 1024 * 1024))).toBe('too large: 51200 KiB (a solution file is at most 256 KiB)');
  });

  it('options settings: the value must be one of them', () => {
    const withOptions: Challenge = { ...limits, settings: [...limits.settings, { path: 'tables.acquireTimeoutMs', label: 'Patience', term: 'acquire timeout', options: [60000, 300000] }], startingSettings: { ...limits.startingSettings, 'tables.acquireTimeoutMs': 300000 } };
    const r = parseSolutionFile(file({ settings: { 'tables.acquireTimeoutMs': 1000 } }), [withOptions]);
    expect(r.ok ? '' : r.message).toBe('setting "tables.acquireTimeoutMs": 1000 is not one of 60000, 300000');
  });

  it('settings that do not go together', () => {
    const clash: Challenge = { ...limits, settings: [...limits.settings, { path: 'tables.small.min', label: 'Small, at least', term: 'min', min: 0, max: 30, step: 1 }], startingSettings: { ...limits.startingSettings, 'tables.small.min': 2 } };
    const r = parseSolutionFile(file({ settings: { 'tables.small.min': 12, 'tables.small.max': 10 } }), [clash]);
    expect(r.ok ? '' : r.message).toBe('these settings do not go together: tables.small: expected min <= max');
  });
});
