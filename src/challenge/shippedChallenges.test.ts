/**
 * Every challenge shipped in `lessons/challenges/` loads with the strict loader (the same check the build
 * runs), and, checked here one by one so a failure names it: its reference solution passes every goal on
 * every seed, and its starter fails at least one goal. Code runs with `nodeCodeRunner`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSolution } from './evaluate.ts';
import { formatChallengeProblems, loadChallenges } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolders } from './readChallengeFiles.ts';
import { referenceSolution, starterSolution } from './solutionFile.ts';

const folders = readChallengeFolders(join(import.meta.dirname, '..', '..', 'lessons', 'challenges'));
const shipped = Object.keys(folders).filter((f) => !f.startsWith('xx-'));
const loaded = loadChallenges(folders, { runner: nodeCodeRunner });

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
  }
});
