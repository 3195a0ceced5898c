#!/usr/bin/env node
// `npm run export-challenges -- <dir> [--force]`: writes a self-contained challenge pack: the built app, the
// challenges, the grader with its engine bundled for Node, Playwright's packages and a README. The pack runs
// anywhere with Node 20+ and a Chromium: `node grade.mjs <solutions>`. See grader/README.md.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packReadme } from '../grader/packReadme.mjs';
import { REPO_ROOT, bundleEngine, ensureApp } from '../grader/repoBuild.mjs';

/** The grader files a pack carries (grader/browserPath.mjs is replaced by the e2e original). */
const GRADER_FILES = ['checkFile.mjs', 'engine.mjs', 'gradeCli.mjs', 'grade.spec.mjs', 'judge.mjs', 'playwright.config.mjs', 'results.mjs', 'server.mjs'];
/** Playwright's runtime: @playwright/test needs playwright, which needs playwright-core; nothing else. */
const PACKAGES = ['@playwright/test', 'playwright', 'playwright-core'];

const ROOT_ENTRY = `#!/usr/bin/env node
// Grades solution files: node grade.mjs <solution.json | folder>... [--out dir] [--workers N] [--shard i/n]
// See README.md.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './grader/gradeCli.mjs';

const root = dirname(fileURLToPath(import.meta.url));
process.exitCode = await main(process.argv.slice(2), {
  appDir: join(root, 'app'),
  challengesDir: join(root, 'challenges'),
  engineFile: join(root, 'grader', 'engine', 'engine.mjs'),
});
`;

function dirSize(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.size;
  return readdirSync(path).reduce((sum, name) => sum + dirSize(join(path, name)), 0);
}

const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Exports a pack to `dir`. Returns { dir, engine, challenges, timings }. */
export async function exportPack(dir, { force = false, log = console.log } = {}) {
  const out = resolve(dir);
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!existsSync(join(out, 'pack.json')) && !force) {
      throw new Error(`${out} is not empty and holds no pack; choose an empty or new folder (or pass --force)`);
    }
    rmSync(out, { recursive: true, force: true });
  }
  mkdirSync(join(out, 'grader'), { recursive: true });
  const timings = {};
  let t = Date.now();

  const dist = await ensureApp(REPO_ROOT);
  cpSync(dist, join(out, 'app'), { recursive: true });
  timings.app = Date.now() - t;

  t = Date.now();
  const engineFile = await bundleEngine(join(out, 'grader', 'engine'), REPO_ROOT);
  timings.engine = Date.now() - t;

  t = Date.now();
  cpSync(join(REPO_ROOT, 'lessons', 'challenges'), join(out, 'challenges'), { recursive: true });
  for (const name of GRADER_FILES) cpSync(join(REPO_ROOT, 'grader', name), join(out, 'grader', name));
  cpSync(join(REPO_ROOT, 'e2e', 'support', 'browserPath.mjs'), join(out, 'grader', 'browserPath.mjs'));
  for (const pkg of PACKAGES) {
    cpSync(join(REPO_ROOT, 'node_modules', pkg), join(out, 'node_modules', pkg), { recursive: true, dereference: true });
  }
  writeFileSync(join(out, 'grade.mjs'), ROOT_ENTRY, { mode: 0o755 });
  timings.copy = Date.now() - t;

  // Load the pack's own engine and challenges: a pack that cannot grade is not written as if it could.
  const engine = await import(pathToFileURL(engineFile).href);
  const loaded = engine.loadChallenges(engine.readChallengeFolders(join(out, 'challenges')), { simulate: false });
  if (!loaded.ok) throw new Error(`the challenges do not load:\n${engine.formatChallengeProblems(loaded.problems)}`);
  const challenges = loaded.challenges.map((c) => ({ id: c.id, title: c.title }));
  const playwright = JSON.parse(readFileSync(join(out, 'node_modules', 'playwright', 'package.json'), 'utf8')).version;

  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: 'back-of-house-challenge-pack',
        private: true,
        type: 'module',
        engines: { node: '>=20' },
        scripts: { grade: 'node grade.mjs', serve: 'node grader/server.mjs app 4185' },
      },
      null,
      2,
    )}\n`,
  );
  writeFileSync(
    join(out, 'pack.json'),
    `${JSON.stringify({ format: 'back-of-house/challenge-pack', version: 1, engine: engine.ENGINE_VERSION, createdAt: new Date().toISOString(), playwright, challenges: challenges.map((c) => c.id) }, null, 2)}\n`,
  );
  writeFileSync(join(out, 'README.md'), packReadme({ engine: engine.ENGINE_VERSION, challenges, playwright }));

  log(
    `Exported ${challenges.length} challenges (engine ${engine.ENGINE_VERSION}) to ${out}: ${mb(dirSize(out))} ` +
      `(app ${mb(dirSize(join(out, 'app')))}, engine ${mb(dirSize(engineFile))}, node_modules ${mb(dirSize(join(out, 'node_modules')))}); ` +
      `app ${(timings.app / 1000).toFixed(1)} s, engine ${(timings.engine / 1000).toFixed(1)} s, copy ${(timings.copy / 1000).toFixed(1)} s.`,
  );
  log(`Grade with: node ${join(out, 'grade.mjs')} <solutions folder>`);
  return { dir: out, engine: engine.ENGINE_VERSION, challenges, timings };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const dirs = args.filter((a) => a !== '--force');
  if (dirs.length !== 1 || dirs[0].startsWith('-')) {
    console.error('Usage: npm run export-challenges -- <dir> [--force]');
    process.exitCode = 2;
  } else {
    try {
      await exportPack(dirs[0], { force });
    } catch (e) {
      console.error(`export-challenges: ${e.message}`);
      process.exitCode = 1;
    }
  }
}
