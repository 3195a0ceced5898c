// The grading test: one test per solution file listed in the run manifest ($GRADER_RUN). Each test loads the
// file through the app's UI as a learner would, runs it, reads the verdict per goal, re-checks every goal in
// Node with the engine, and writes its result to <parts>/<key>.json. Grading problems (a bad file, a page that
// shows no verdict, page and engine disagreeing) are recorded as results, not thrown: the test fails only when
// the grader itself breaks.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from '@playwright/test';
import { checkSolutionFile } from './checkFile.mjs';
import { loadEngine } from './engine.mjs';
import { fileError, judge } from './judge.mjs';

const run = JSON.parse(readFileSync(process.env.GRADER_RUN ?? '', 'utf8'));
mkdirSync(run.partsDir, { recursive: true });

const FINAL = ['pass', 'fail', 'error'];

/** Where a blocked request went, shortened for a one-line message. */
function shortUrl(href) {
  return href.length > 120 ? `${href.slice(0, 119)}…` : href;
}

/**
 * Loads the file through the page and waits for the verdict; returns { page } or { failure }. Every request
 * the browser refused (it was not for the app server) is added to `blocked`.
 */
async function gradeInPage(page, entry, challengeId, blocked) {
  const where = `#/challenges/${encodeURIComponent(challengeId)}`;
  // The grading browser talks only to the app server: anything else (learner code reaching out) is refused
  // and reported as an error of this solution.
  await page.context().route(
    (url) => !url.href.startsWith(`${run.baseURL}/`),
    (route) => {
      blocked.push(shortUrl(route.request().url()));
      return route.abort('blockedbyclient');
    },
  );
  await page.goto(`/${where}`);
  const input = page.getByTestId('solution-file');
  const missing = page.getByTestId('challenge-missing');
  try {
    await input.or(missing).first().waitFor({ state: 'attached', timeout: run.loadTimeoutMs });
  } catch {
    return { failure: `the page at ${where} shows no solution file input within ${Math.round(run.loadTimeoutMs / 1000)} s` };
  }
  if ((await input.count()) === 0) {
    const why = (await missing.first().textContent())?.replace(/\s+/g, ' ').trim();
    return { failure: `the app has no challenge ${challengeId} (${why || 'challenge-missing'}): was it built from the same challenges?` };
  }
  await input.setInputFiles(entry.path);
  const name = basename(entry.path);
  const opened = await page
    .waitForFunction(
      (fileName) => {
        const error = document.querySelector('[data-testid="solution-error"]');
        if (error && error.textContent.trim()) return { error: error.textContent.trim() };
        const loaded = document.querySelector('[data-testid="loaded-solution"]');
        return loaded && loaded.textContent.includes(fileName) ? { loaded: true } : false;
      },
      name,
      { timeout: run.loadTimeoutMs },
    )
    .then((handle) => handle.jsonValue())
    .catch(() => null);
  if (!opened) return { failure: 'the page did not confirm loading the file (no loaded-solution with its name)' };
  if (opened.error) return { failure: `the page refused the file: ${opened.error}` };

  await page.getByTestId('run').click();
  return {
    wait: async () => {
      const done = await page
        .waitForFunction(
          (final) => final.includes(document.querySelector('[data-testid="verdict"]')?.getAttribute('data-status') ?? ''),
          FINAL,
          { timeout: run.verdictTimeoutMs, polling: 100 },
        )
        .then(() => true)
        .catch(() => false);
      if (!done) return { failure: `the page showed no verdict within ${Math.round(run.verdictTimeoutMs / 1000)} s` };
      const verdict = page.getByTestId('verdict');
      const observed = await verdict.evaluate((node) => {
        const text = (el) => (el ? el.textContent.replace(/\s+/g, ' ').trim() : null);
        return {
          status: node.getAttribute('data-status'),
          engine: node.getAttribute('data-engine'),
          goals: [...node.querySelectorAll('[data-testid="goal"]')].map((goal) => ({
            id: goal.getAttribute('data-goal-id') ?? '',
            status: goal.getAttribute('data-status') ?? '',
            message: text(goal.querySelector('[data-testid="goal-message"]') ?? goal),
          })),
          codeError: text(node.querySelector('[data-testid="code-error"]')),
          runError: text(node.querySelector('[data-testid="run-error"]')),
        };
      });
      return { page: observed };
    },
  };
}

async function grade(page, entry) {
  const started = Date.now();
  const engine = await loadEngine(run.engineFile, run.challengesDir);
  const base = { file: entry.file, engineVersion: engine.version };
  const checked = checkSolutionFile(entry.path, engine);
  if (!checked.ok) {
    return fileError({ ...base, challenge: checked.challenge, solutionEngine: checked.solutionEngine, message: checked.message });
  }
  const challengeId = checked.challenge.id;
  const common = { ...base, challenge: challengeId, solutionEngine: checked.solutionEngine };
  const timings = {};
  let mark = Date.now();
  let pageStep;
  const blocked = [];
  try {
    pageStep = await gradeInPage(page, entry, challengeId, blocked);
  } catch (e) {
    pageStep = { failure: `the page failed: ${String(e?.message ?? e).split('\n')[0]}` };
  }
  // While the page runs the seeds in its worker, the engine runs them here.
  timings.pageLoadMs = Date.now() - mark;
  mark = Date.now();
  let verdict = null;
  let engineFailure = null;
  try {
    verdict = engine.mod.evaluateSolution(checked.challenge, checked.solution, engine.runner);
  } catch (e) {
    engineFailure = String(e?.message ?? e);
  }
  timings.engineMs = Date.now() - mark;
  mark = Date.now();
  let observed = pageStep;
  if (pageStep.wait) {
    try {
      observed = await pageStep.wait();
    } catch (e) {
      observed = { failure: `the page failed: ${String(e?.message ?? e).split('\n')[0]}` };
    }
  }
  timings.verdictWaitMs = Date.now() - mark;
  const result = judge({
    ...common,
    engineVersion: engine.version,
    verdict,
    engineFailure,
    page: observed.page ?? null,
    pageFailure: observed.failure ?? null,
    blockedRequests: [...new Set(blocked)],
    durationMs: Date.now() - started,
  });
  result.timings = timings;
  return result;
}

for (const entry of run.solutions) {
  test(entry.file, async ({ page }) => {
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(String(error?.message ?? error)));
    page.on('response', (response) => {
      if (response.status() >= 400) pageErrors.push(`the server answered ${response.status()} for ${new URL(response.url()).pathname}`);
    });
    const result = await grade(page, entry);
    if (pageErrors.length > 0) {
      result.pageErrors = pageErrors.slice(0, 5);
      // A page that never showed its controls: say what went wrong in the page itself.
      if (result.status === 'error' && result.message.startsWith('the page at')) result.message += `; the page: ${pageErrors[0]}`;
    }
    writeFileSync(join(run.partsDir, `${entry.key}.json`), `${JSON.stringify(result, null, 2)}\n`);
    test.info().annotations.push({ type: 'grade', description: `${result.status.toUpperCase()}: ${result.message}` });
  });
}
