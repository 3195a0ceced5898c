// Loads the bundled Node engine (see engineEntry.ts) and the challenges it grades against. One load per process.
import { pathToFileURL } from 'node:url';

let cached = null;

/** The engine module, the loaded challenges, and a CodeRunner for learner code (node:vm). */
export async function loadEngine(engineFile, challengesDir) {
  if (cached && cached.key === `${engineFile}\n${challengesDir}`) return cached.value;
  const mod = await import(pathToFileURL(engineFile).href);
  const files = mod.readChallengeFolders(challengesDir);
  const loaded = mod.loadChallenges(files, { simulate: false });
  if (!loaded.ok && loaded.challenges.length === 0) {
    throw new Error(`the challenges in ${challengesDir} do not load:\n${mod.formatChallengeProblems(loaded.problems)}`);
  }
  const runner = typeof mod.nodeCodeRunner === 'function' ? mod.nodeCodeRunner() : mod.nodeCodeRunner;
  const value = { mod, challenges: loaded.challenges, problems: loaded.problems, runner, version: mod.ENGINE_VERSION };
  cached = { key: `${engineFile}\n${challengesDir}`, value };
  return value;
}
