/** What the page and the code worker use of the challenge engine (`src/challenge`), in one place. */
export { challengeList, challengeProblems } from '../../challenge/challenges.ts';
export { ENGINE_VERSION } from '../../challenge/engineVersion.ts';
export { evaluateSolution } from '../../challenge/evaluate.ts';
export { makeSolutionFile, parseSolutionFile, solutionToJson } from '../../challenge/solutionFile.ts';
export { LearnerCodeError } from '../../challenge/codeRunner.ts';
