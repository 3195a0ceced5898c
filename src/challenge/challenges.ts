/**
 * The challenges as the app ships them: every folder under `/lessons/challenges/` bundled as text at build
 * time (`import.meta.glob`), then loaded. The build's challenge check (`vitePlugin.ts`) has already run the
 * full loader with the simulations over the same files, so here they are skipped to start fast.
 *
 * @example
 * import { challengeList, challengeProblems } from './challenge/challenges.ts';
 * challengeList[0].id; // 'friday-rush'
 */
import { groupChallengeFiles, loadChallenges, type ChallengeFilesByFolder, type ChallengeProblem } from './loadChallenge.ts';
import type { Challenge } from './types.ts';

const rawFiles = import.meta.glob<string>('/lessons/challenges/*/{README.md,challenge.json,reference.json,starter.js,reference.js}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** The challenge files by folder, as bundled. */
export const challengeFiles: ChallengeFilesByFolder = groupChallengeFiles(rawFiles);

const result = loadChallenges(challengeFiles, { simulate: false });

/** The challenges that loaded, in number order (all of them when `challengeProblems` is empty). */
export const challengeList: Challenge[] = result.challenges;

/** What is wrong with the bundled challenges (empty in a build that passed the challenge check). */
export const challengeProblems: ChallengeProblem[] = result.problems;
