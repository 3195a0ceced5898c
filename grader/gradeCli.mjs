// The grader's command line, shared by the repo (`npm run grade`, scripts/grade.mjs) and an exported pack
// (`node grade.mjs`). See grader/README.md.
//
//   grade <solution.json | dir>... [--out dir] [--workers N] [--shard i/n] [--port P] [--timeout s] [--reporter r] [--app dir]
//   grade --merge <results dir | results.json>... [--out dir]
//
// Exit code: 0 every solution passes; 1 at least one fails or is an error; 2 the grader could not run.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSolutionFile } from './checkFile.mjs';
import { loadEngine } from './engine.mjs';
import { fileError } from './judge.mjs';
import { junitXml, resultsDocument, summarize, summaryTable } from './results.mjs';
import { DEFAULT_PORT, startStaticServer } from './server.mjs';

const GRADER_DIR = dirname(fileURLToPath(import.meta.url));

export const USAGE = `Usage:
  grade <solution.json | folder>... [options]     grade solution files (folders: every *.json inside)
  grade --merge <results folder | results.json>... [--out dir]   merge the results of several shards

Options:
  --out <dir>        where results.json and junit.xml go (default: grading-results)
  --workers <n>      parallel browsers (default: Playwright's, half the CPU cores)
  --shard <i>/<n>    grade only part i of n (split a class across machines; then --merge)
  --port <p>         port of the app server (default ${DEFAULT_PORT}; another free port if taken)
  --timeout <s>      seconds to wait for one solution's verdict in the page (default 120)
  --reporter <r>     Playwright progress output: list, line or dot (default: list, dot above 40 files)
  --app <dir>        grade with the app built in this folder (its index.html) instead of the usual one
                     (in the repo: builds none; e.g. --app dist after npm run build)

Exit code: 0 every solution passes, 1 some solution fails or is an error, 2 the grader could not run.`;

class UsageError extends Error {}

/** Parses the command line. */
export function parseArgs(argv) {
  const options = { paths: [], out: 'grading-results', workers: null, shard: null, port: DEFAULT_PORT, timeoutS: 120, reporter: null, app: null, merge: false, help: false };
  const value = (i, flag) => {
    if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, null];
    const take = () => {
      if (inline !== null) return inline;
      const v = value(i, flag);
      i += 1;
      return v;
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--merge':
        options.merge = true;
        break;
      case '--out':
        options.out = take();
        break;
      case '--workers': {
        const v = take();
        if (!/^\d+%?$/.test(v) || Number.parseInt(v, 10) < 1) throw new UsageError(`--workers takes a positive number (or a percentage like 50%), not "${v}"`);
        options.workers = v;
        break;
      }
      case '--shard': {
        const v = take();
        const m = /^(\d+)\/(\d+)$/.exec(v);
        if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard takes i/n with 1 <= i <= n, e.g. 2/4, not "${v}"`);
        options.shard = v;
        break;
      }
      case '--port': {
        const v = Number(take());
        if (!Number.isInteger(v) || v < 0 || v > 65535) throw new UsageError('--port takes a port number');
        options.port = v;
        break;
      }
      case '--timeout': {
        const v = Number(take());
        if (!(v > 0)) throw new UsageError('--timeout takes a number of seconds');
        options.timeoutS = v;
        break;
      }
      case '--app':
        options.app = take();
        break;
      case '--reporter': {
        const v = take();
        if (!['list', 'line', 'dot'].includes(v)) throw new UsageError('--reporter is list, line or dot');
        options.reporter = v;
        break;
      }
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        options.paths.push(arg);
    }
  }
  if (!options.help && options.paths.length === 0) throw new UsageError('name at least one solution file or folder');
  return options;
}

/** How a path is shown: relative to the working directory when inside it. */
export function displayPath(abs, cwd = process.cwd()) {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : abs;
}

/** Every *.json under `dir` (sorted), skipping dot folders, node_modules and `skip` (the output folder). */
function walkJson(dir, skip, out) {
  let names;
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const full = join(dir, name);
    if (skip.some((s) => full === s)) continue;
    let stats;
    try {
      stats = statSync(full);
    } catch {
      continue;
    }
    if (stats.isDirectory()) {
      if (!name.startsWith('.') && name !== 'node_modules') walkJson(full, skip, out);
    } else if (name.toLowerCase().endsWith('.json')) {
      out.push(full);
    }
  }
}

/** Expands files and folders to the solution files to grade (absolute, unique, sorted by display path). */
export function expandPaths(paths, { skip = [], cwd = process.cwd() } = {}) {
  const found = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let stats = null;
    try {
      stats = statSync(abs);
    } catch {
      // a missing file still gets its own "no such file" result
    }
    if (stats?.isDirectory()) walkJson(abs, skip, found);
    else found.push(abs);
  }
  const unique = [...new Set(found)];
  return unique.map((abs) => ({ path: abs, file: displayPath(abs, cwd) })).sort((a, b) => a.file.localeCompare(b.file));
}

const keyOf = (abs) => createHash('sha1').update(abs).digest('hex').slice(0, 16);

/** Walks Playwright's JSON report: title -> { status, error } for every test that ran in this shard. */
export function testsInReport(report) {
  const tests = new Map();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const last = t.results?.[t.results.length - 1];
        const error = last?.error?.message ?? last?.errors?.[0]?.message ?? null;
        tests.set(spec.title, { status: last?.status ?? t.status ?? 'unknown', error });
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return tests;
}

function writeReports(outDir, solutions, meta) {
  mkdirSync(outDir, { recursive: true });
  const doc = resultsDocument(solutions, meta);
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(outDir, 'junit.xml'), junitXml(solutions, { timestamp: meta.startedAt }));
  return doc;
}

function printSummary(solutions, outDir, extra = '') {
  const width = Math.max(80, Math.min(160, process.stdout.columns ?? 120));
  console.log(`\n${summaryTable(solutions, { width })}`);
  console.log(`Results: ${join(outDir, 'results.json')} and ${join(outDir, 'junit.xml')}${extra}`);
}

function runPlaywright(args, env) {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('@playwright/test/cli');
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolvePromise(code ?? (signal ? 128 : 1));
    });
    child.on('error', () => resolvePromise(1));
  });
}

async function listen(appDir, port) {
  try {
    return await startStaticServer(appDir, port);
  } catch (e) {
    if (e?.code !== 'EADDRINUSE' || port === 0) throw e;
    const started = await startStaticServer(appDir, 0);
    console.log(`Port ${port} is taken; serving the app on ${started.port} instead.`);
    return started;
  }
}

function merge(options) {
  const solutions = new Map();
  let engine = null;
  let durationMs = 0;
  for (const p of options.paths) {
    const abs = resolve(p);
    const file = existsSync(abs) && statSync(abs).isDirectory() ? join(abs, 'results.json') : abs;
    let doc;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${e.message}`);
    }
    if (doc?.format !== 'back-of-house/grading-results') throw new UsageError(`${file} is not a grader results.json`);
    if (engine && doc.engine !== engine) throw new UsageError(`${file} was graded by engine ${doc.engine}, the others by engine ${engine}`);
    engine = doc.engine;
    durationMs = Math.max(durationMs, doc.durationMs ?? 0);
    for (const s of doc.solutions) solutions.set(s.file, s);
  }
  const all = [...solutions.values()];
  const outDir = resolve(options.out);
  // The shards ran side by side: the merged run took as long as the slowest one.
  writeReports(outDir, all, { engine, shard: null, startedAt: new Date().toISOString(), durationMs });
  printSummary(all, outDir);
  return summarize(all).total === summarize(all).pass ? 0 : 1;
}

/**
 * Runs the grader.
 * @param {string[]} argv the arguments after the command
 * @param {object} layout where things are: { appDir, challengesDir, engineFile, prepare?: ({ app }) => Promise<void> }
 *   (`prepare` builds what is missing; `app` is false when --app names the app, which then is not built)
 * @returns {Promise<number>} the exit code
 */
export async function main(argv, layout) {
  let options;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`grade: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    if (options.merge) return merge(options);
    return await grade(options, layout);
  } catch (e) {
    if (e instanceof UsageError || e?.graderMessage) {
      console.error(`grade: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

function fatal(message) {
  const e = new Error(message);
  e.graderMessage = true;
  return e;
}

async function grade(options, layout) {
  const startedAt = new Date();
  const outDir = resolve(options.out);
  const files = expandPaths(options.paths, { skip: [outDir] });
  if (files.length === 0) throw fatal(`no solution files (*.json) in ${options.paths.join(', ')}`);

  if (layout.prepare) await layout.prepare({ app: options.app === null });
  const appDir = options.app === null ? layout.appDir : resolve(options.app);
  if (!existsSync(join(appDir, 'index.html'))) {
    throw fatal(options.app === null ? `the built app is missing (${appDir}/index.html)` : `--app ${options.app}: no built app there (${join(appDir, 'index.html')} is missing)`);
  }
  const { resolveChromium, INSTALL_HINT } = await import('./browserPath.mjs');
  const browser = resolveChromium();
  if (!browser) throw fatal(`${INSTALL_HINT.replace('npm run test:e2e', 'node grade.mjs <files>')}${process.env.CHROMIUM_PATH ? `\n(CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.)` : ''}`);

  const engine = await loadEngine(layout.engineFile, layout.challengesDir);
  if (engine.problems.length > 0) {
    console.warn(`Some challenges do not load and cannot be graded:\n${engine.mod.formatChallengeProblems(engine.problems)}`);
  }
  // Node first: every file is checked before any browser starts (each test checks it again, so a shard
  // reports only its own files).
  const entries = files.map((f) => {
    const checked = checkSolutionFile(f.path, engine);
    return { ...f, key: keyOf(f.path), challenge: checked.ok ? checked.challenge.id : checked.challenge, precheck: checked.ok ? null : checked.message };
  });
  const unreadable = entries.filter((e) => e.precheck).length;
  console.log(
    `Grading ${entries.length} solution file(s) with engine ${engine.version} (${engine.challenges.length} challenges)` +
      `${unreadable ? `; ${unreadable} cannot be graded (see the summary)` : ''}${options.shard ? `; shard ${options.shard}` : ''}.` +
      `\nBrowser: ${browser.path} (${browser.source})`,
  );

  const partsDir = join(outDir, '.parts');
  const playwrightDir = join(outDir, '.playwright');
  rmSync(partsDir, { recursive: true, force: true });
  mkdirSync(partsDir, { recursive: true });
  mkdirSync(playwrightDir, { recursive: true });
  const reportFile = join(playwrightDir, 'report.json');
  rmSync(reportFile, { force: true });

  console.log(`App: ${displayPath(appDir)}`);
  const { server, url } = await listen(appDir, options.port);
  const manifest = {
    baseURL: url,
    engineFile: layout.engineFile,
    challengesDir: layout.challengesDir,
    partsDir,
    outputDir: join(playwrightDir, 'output'),
    reportFile,
    reporter: options.reporter ?? (entries.length > 40 ? 'dot' : 'list'),
    loadTimeoutMs: 30_000,
    verdictTimeoutMs: options.timeoutS * 1000,
    // Above the sum of the waits (page, file, verdict), so a stuck page is reported by the test itself.
    testTimeoutMs: options.timeoutS * 1000 + 90_000,
    solutions: entries.map(({ key, file, path }) => ({ key, file, path })),
  };
  const manifestFile = join(playwrightDir, 'run.json');
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

  const args = ['test', '--config', join(GRADER_DIR, 'playwright.config.mjs')];
  if (options.workers) args.push('--workers', options.workers);
  if (options.shard) args.push('--shard', options.shard);
  let code;
  try {
    code = await runPlaywright(args, { ...process.env, GRADER_RUN: manifestFile });
  } finally {
    server.close();
  }

  let report = null;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    throw fatal(`Playwright stopped without a report (exit code ${code}); see its output above`);
  }
  const ran = testsInReport(report);
  const solutions = [];
  for (const entry of entries) {
    const part = join(partsDir, `${entry.key}.json`);
    if (existsSync(part)) {
      solutions.push(JSON.parse(readFileSync(part, 'utf8')));
    } else if (ran.has(entry.file)) {
      const t = ran.get(entry.file);
      const why = (t.error ?? t.status).split('\n')[0].replace(/\u001b\[[0-9;]*m/g, '');
      solutions.push(fileError({ file: entry.file, challenge: entry.challenge ?? null, engineVersion: engine.version, message: `grading did not finish: ${why}` }));
    } else if (!options.shard) {
      solutions.push(fileError({ file: entry.file, challenge: entry.challenge ?? null, engineVersion: engine.version, message: 'grading did not run (see the Playwright output)' }));
    }
  }
  rmSync(partsDir, { recursive: true, force: true });
  if (report.errors?.length) {
    console.error(`Playwright reported errors:\n${report.errors.map((e) => e.message ?? String(e)).join('\n')}`);
  }
  const doc = writeReports(outDir, solutions, {
    engine: engine.version,
    shard: options.shard,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
  });
  printSummary(solutions, outDir, ` (${(doc.durationMs / 1000).toFixed(1)} s)`);
  if (solutions.length === 0) return options.shard ? 0 : 2;
  return doc.summary.pass === doc.summary.total ? 0 : 1;
}
