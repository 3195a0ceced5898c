#!/usr/bin/env node
// `npm run grade -- <solution.json | folder>... [--out dir] [--workers N] [--shard i/n]`: grades solution
// files through the built app in Chromium and re-checks them with the engine in Node. See grader/README.md.
// In the repo it builds the app (dist/) and the Node engine first when they are missing or stale.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../grader/gradeCli.mjs';
import { REPO_ROOT, ensureApp, ensureEngine } from '../grader/repoBuild.mjs';

const cache = join(REPO_ROOT, 'node_modules', '.cache', 'back-of-house-grader');
const layout = {
  // A copy of dist/ taken before grading starts, so a build running meanwhile (npm run build, the e2e
  // server) cannot pull the files from under the pages being graded.
  appDir: join(cache, 'app'),
  challengesDir: join(REPO_ROOT, 'lessons', 'challenges'),
  engineFile: join(cache, 'engine', 'engine.mjs'),
  async prepare() {
    const dist = await ensureApp(REPO_ROOT);
    rmSync(layout.appDir, { recursive: true, force: true });
    cpSync(dist, layout.appDir, { recursive: true });
    await ensureEngine(REPO_ROOT);
  },
};

process.exitCode = await main(process.argv.slice(2), layout);
