/**
 * The grader's Node engine: what `grade.spec.mjs` and `gradeCli.mjs` use, bundled with everything inlined
 * (sim, slots, zod) by `grader/repoBuild.mjs` into one `engine.mjs`, so an exported pack grades without the
 * repo's TypeScript sources or node_modules.
 */
export { ENGINE_VERSION } from '../src/challenge/engineVersion.ts';
export { loadChallenges, formatChallengeProblems } from '../src/challenge/loadChallenge.ts';
export { readChallengeFolders } from '../src/challenge/readChallengeFiles.ts';
export {
  parseSolutionFile,
  starterSolution,
  referenceSolution,
  solutionToJson,
  MAX_SOLUTION_BYTES,
} from '../src/challenge/solutionFile.ts';
export { evaluateSolution } from '../src/challenge/evaluate.ts';
export { nodeCodeRunner } from '../src/challenge/nodeCodeRunner.ts';
