import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { challengeFiles, challengeList, challengeProblems } from './challenges.ts';
import { loadChallenges } from './loadChallenge.ts';
import { readChallengeFolders } from './readChallengeFiles.ts';

describe('challenges.ts', () => {
  const onDisk = readChallengeFolders(join(import.meta.dirname, '..', '..', 'lessons', 'challenges'));

  it('bundles the files of every challenge folder (import.meta.glob), as readChallengeFolders reads them', () => {
    expect(challengeFiles).toEqual(onDisk);
  });

  it('loads the bundled files as loadChallenges() does (without simulating)', () => {
    const expected = loadChallenges(onDisk, { simulate: false });
    expect(challengeList.map((c) => c.id)).toEqual(expected.challenges.map((c) => c.id));
    expect(challengeProblems).toEqual(expected.problems);
  });
});
