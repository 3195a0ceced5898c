#!/usr/bin/env node
// `npm run grade -- <solution.json | folder>... [--out dir] [--workers N] [--shard i/n] [--app dir]`: grades
// solution files through the built app in Chromium and re-checks them with the engine in Node. See
// grader/README.md. In the repo it builds the app and the Node engine first, when they are missing or older
// than the sources, into node_modules/.cache/back-of-house-grader (never into dist/); `--app <dir>` grades
// with an app built already (dist/ after `npm run build`, or another build) and builds no app.
import { join } from 'node:path';
import { main } from '../grader/gradeCli.mjs';
import { REPO_ROOT, cacheDir, ensureApp, ensureEngine } from '../grader/repoBuild.mjs';

const cache = cacheDir(REPO_ROOT);
const layout = {
  appDir: join(cache, 'app'),
  challengesDir: join(REPO_ROOT, 'lessons', 'challenges'),
  engineFile: join(cache, 'engine', 'engine.mjs'),
  /** @param {{ app: boolean }} what whether the app is ours to build (not with --app) */
  async prepare({ app }) {
    if (app) layout.appDir = await ensureApp(REPO_ROOT);
    await ensureEngine(REPO_ROOT);
  },
};

process.exitCode = await main(process.argv.slice(2), layout);
