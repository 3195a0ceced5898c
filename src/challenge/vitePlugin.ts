/**
 * A Vite plugin that checks every challenge under `lessons/challenges/` with the strict loader (simulations,
 * starter and reference runs included; code slots run with `nodeCodeRunner`).
 *
 * - `vite build`: at build start; any problem fails the build with one line per problem
 *   (`lessons/challenges/01-friday-rush/challenge.json:31: goals[0].metric: ...`).
 * - `vite` (dev): at server start and whenever a file under `lessons/challenges/` changes; problems are logged
 *   and shown in the browser's error overlay, and the server keeps running.
 * - Not under Vitest: `shippedChallenges.test.ts` checks the same challenges there.
 *
 * Node side only: import it from `vite.config.ts`, never from the app.
 */
import { resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { CHALLENGES_DIR, formatChallengeProblems, loadChallenges, type ChallengeProblem } from './loadChallenge.ts';
import { nodeCodeRunner } from './nodeCodeRunner.ts';
import { readChallengeFolders } from './readChallengeFiles.ts';

export interface ChallengeCheckOptions {
  /** The challenges folder, relative to the Vite root (default `lessons/challenges`). */
  dir?: string;
}

/** Every problem of the challenge folders under `challengesDir` (an absolute path). */
export function checkChallengesFolder(challengesDir: string): ChallengeProblem[] {
  return loadChallenges(readChallengeFolders(challengesDir), { runner: nodeCodeRunner }).problems;
}

/** The report of `problems`: a count, then one line per problem. */
export function challengeProblemsReport(problems: readonly ChallengeProblem[]): string {
  return `${problems.length} challenge problem${problems.length === 1 ? '' : 's'}:\n${formatChallengeProblems(problems)}`;
}

const PLUGIN_NAME = 'back-of-house:challenge-check';

export function challengeCheck(options: ChallengeCheckOptions = {}): Plugin {
  let challengesDir = '';
  let isBuild = false;
  return {
    name: PLUGIN_NAME,
    configResolved(config) {
      challengesDir = resolve(config.root, options.dir ?? CHALLENGES_DIR);
      isBuild = config.command === 'build';
    },
    buildStart() {
      if (!isBuild) return;
      const problems = checkChallengesFolder(challengesDir);
      if (problems.length > 0) this.error(challengeProblemsReport(problems));
    },
    configureServer(server) {
      if (process.env.VITEST) return;
      watchChallenges(server, challengesDir);
    },
  };
}

function watchChallenges(server: ViteDevServer, challengesDir: string): void {
  let report: string | null = null;
  const showOverlay = () => {
    if (report !== null) server.ws.send({ type: 'error', err: { message: report, stack: '', plugin: PLUGIN_NAME } });
  };
  const check = () => {
    let problems: ChallengeProblem[];
    try {
      problems = checkChallengesFolder(challengesDir);
    } catch (e) {
      problems = [{ file: CHALLENGES_DIR, message: `the challenge check failed: ${e instanceof Error ? e.message : String(e)}` }];
    }
    const next = problems.length > 0 ? challengeProblemsReport(problems) : null;
    if (next !== null && next !== report) server.config.logger.error(next, { timestamp: true });
    const isFixed = next === null && report !== null;
    report = next;
    if (isFixed) {
      server.config.logger.info('challenges: every problem fixed', { timestamp: true });
      server.ws.send({ type: 'full-reload' });
    }
    showOverlay();
  };
  check();
  let timer: ReturnType<typeof setTimeout> | undefined;
  server.watcher.add(challengesDir);
  server.watcher.on('all', (_event, path) => {
    if (path !== challengesDir && !path.startsWith(challengesDir + sep)) return;
    clearTimeout(timer);
    timer = setTimeout(check, 150);
  });
  server.ws.on('connection', showOverlay);
}
