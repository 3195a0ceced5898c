/**
 * Every challenge shipped in `lessons/challenges/` loads with the strict loader (the same check the build
 * runs), and, checked here one by one so a failure names it: its reference solution passes every goal on
 * every seed, its starter fails at least one goal, and no goal is decoration: each one fails for at least
 * one plain attempt (see `attempts`). Code runs with `nodeCodeRunner`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSolution } from './evaluate.ts';
import { formatChallengeProblems, loadChallenges } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolders } from './readChallengeFiles.ts';
import { checkSettings } from './settings.ts';
import { makeSolutionFile, referenceSolution, starterSolution } from './solutionFile.ts';
import type { Challenge, CodeSlotId, SettingSpec, SettingValue, SolutionFile } from './types.ts';

const folders = readChallengeFolders(join(import.meta.dirname, '..', '..', 'lessons', 'challenges'));
const shipped = Object.keys(folders).filter((f) => !f.startsWith('xx-'));
const loaded = loadChallenges(folders, { runner: nodeCodeRunner });

/** Trivial policies per code slot: doing nothing, and doing everything at once (or the crudest choice). */
const TRIVIAL_CODE: Record<CodeSlotId, string[]> = {
  evictionPolicy: ['function chooseVictim(dishes, nowMs) { return dishes[0].key; }', 'function chooseVictim(dishes, nowMs) { return dishes[dishes.length - 1].key; }'],
  tableAcquire: ['function seatParty(party, tables, nowMs) { return "wait"; }', 'function seatParty(party, tables, nowMs) { return "turnAway"; }'],
  memoryCleanup: ['function sweep(blocks, nowMs) { return []; }', 'function sweep(blocks, nowMs) { return blocks.map((b) => b.id); }'],
  batchScheduler: ['function nextBatch(state) { return 0; }', 'function nextBatch(state) { return state.pending; }'],
};

function exampleStarter(slot: CodeSlotId): string {
  return readFileSync(join(import.meta.dirname, 'slots', 'examples', `${slot}.starter.js`), 'utf8');
}

/**
 * The values a number setting is tried at: its min and its max, and one step in from each (0 often means
 * "off", so the first value that does something is an extreme too). A value that clashes with the other
 * settings at their starting values moves inward, a step at a time, to the nearest one that goes together.
 */
function extremeValues(challenge: Challenge, spec: SettingSpec): SettingValue[] {
  if (spec.options !== undefined) return spec.options;
  const min = spec.min ?? 0;
  const max = spec.max ?? min;
  const step = spec.step ?? 1;
  const lastStep = min + Math.floor((max - min) / step + 1e-9) * step;
  const goesTogether = (v: number) => checkSettings(challenge, { ...challenge.startingSettings, [spec.path]: v }) === null;
  const inward = (from: number, direction: 1 | -1): number | null => {
    for (let v = from; v >= min && v <= lastStep; v += direction * step) if (goesTogether(v)) return v;
    return null;
  };
  const values = [inward(min, 1), inward(min + step, 1), inward(lastStep - step, -1), inward(lastStep, -1)];
  return [...new Set(values.filter((v): v is number => v !== null))];
}

/**
 * The plain attempts every goal must fail at least one of: the starter; each setting at its extremes (each
 * option) with the others at their starting values; for a code slot, the slot's example starter and trivial
 * policies, run with the starting settings.
 */
function attempts(challenge: Challenge): { name: string; solution: SolutionFile }[] {
  const code = challenge.code;
  const out = [{ name: 'the starter', solution: starterSolution(challenge) }];
  if (code !== null) {
    out.push({ name: 'the example starter', solution: makeSolutionFile(challenge, challenge.startingSettings, exampleStarter(code.slot)) });
    for (const [i, trivial] of TRIVIAL_CODE[code.slot].entries()) {
      out.push({ name: `trivial policy ${i + 1}`, solution: makeSolutionFile(challenge, challenge.startingSettings, trivial) });
    }
  }
  for (const spec of challenge.settings) {
    for (const value of extremeValues(challenge, spec)) {
      const settings = { ...challenge.startingSettings, [spec.path]: value };
      out.push({ name: `${spec.path} = ${String(value)}`, solution: makeSolutionFile(challenge, settings, code === null ? null : code.starter) });
    }
  }
  return out;
}

describe('shipped challenges', () => {
  it.skipIf(shipped.length === 0)('every folder under lessons/challenges loads without problems', () => {
    expect(formatChallengeProblems(loaded.problems)).toBe('');
    expect(loaded.challenges.map((c) => c.folder)).toEqual([...shipped].sort());
  });

  for (const challenge of loaded.challenges) {
    it(`${challenge.folder}: the reference passes on every seed (${challenge.seeds.join(', ')})`, () => {
      const verdict = evaluateSolution(challenge, referenceSolution(challenge), nodeCodeRunner);
      const failing = verdict.goals.filter((g) => g.status === 'fail').map((g) => `${g.id}: ${g.message}`);
      expect({ codeError: verdict.codeError, failing }).toEqual({ codeError: null, failing: [] });
      expect(verdict.status).toBe('pass');
      for (const g of verdict.goals) expect(g.perSeed.map((s) => s.seed)).toEqual(challenge.seeds);
    });

    it(`${challenge.folder}: the starter fails at least one goal`, () => {
      const verdict = evaluateSolution(challenge, starterSolution(challenge), nodeCodeRunner);
      expect(verdict.status).toBe('fail');
      expect(verdict.goals.some((g) => g.status === 'fail')).toBe(true);
    });

    it(`${challenge.folder}: every goal fails for the starter, a setting at an extreme, or a trivial policy`, { timeout: 60_000 }, () => {
      const unmet = new Set(challenge.goals.map((g) => g.id));
      for (const { solution } of attempts(challenge)) {
        if (unmet.size === 0) break;
        const verdict = evaluateSolution(challenge, solution, nodeCodeRunner);
        for (const g of verdict.goals) if (g.status === 'fail' && verdict.codeError === null) unmet.delete(g.id);
      }
      // A goal left here passes for every attempt: it never shows anything.
      expect([...unmet]).toEqual([]);
    });
  }
});

describe('the attempts of the decoration check', () => {
  it('number settings at min, a step in, and max; a clash moves inward; options as they are', () => {
    const challenge = loaded.challenges.find((c) => c.id === 'staff-the-kitchen');
    expect(challenge).toBeDefined();
    if (challenge === undefined) return;
    const spec = (path: string) => challenge.settings.find((s) => s.path === path) as SettingSpec;
    expect(extremeValues(challenge, spec('staff.queueCapacity'))).toEqual([0, 1, 199, 200]);
    // corePoolSize above the starting maxPoolSize does not go together: its top moves down to that.
    const maxPool = challenge.startingSettings['staff.maxPoolSize'] as number;
    expect(extremeValues(challenge, spec('staff.corePoolSize'))).toEqual([0, 1, maxPool]);
    expect(extremeValues(challenge, spec('staff.rejectionPolicy'))).toEqual(['abort', 'callerRuns', 'discard', 'discardOldest']);
    expect(attempts(challenge)[0].name).toBe('the starter');
  });
});
