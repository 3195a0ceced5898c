// Browser benchmark (not part of `npm test`): frame times while the service plays at the highest speed, and
// the time from a limit change to the redrawn charts. Prints figures; it does not pass or fail on them.
//
//   npm run bench:browser            (builds, serves on port 4188, drives Chromium)
//
// Frame time: taken only while the service plays (frames after it finished are idle and would dilute the
// figures; a short service is restarted until BENCH_SECONDS of play are measured), as the time between two
// `requestAnimationFrame` callbacks with the frame rate unlocked (`--disable-frame-rate-limit
// --disable-gpu-vsync`): Chromium then begins the next frame as soon as the last one is drawn, so the
// interval is what one frame costs the main thread (script, style, layout, paint) plus anything else it ran in
// between. This is the figure held against the 16.7 ms budget. (A page with nothing to draw still ticks at
// ~60 Hz: that is why only playing frames count.)
// Then one traced run of each service splits a frame into script, style and layout, and paint (Chromium's
// trace events of each frame's main-thread task): where the time goes. Tracing slows the page a little, so
// these are for proportions, not for the budget.
// Targets from the issue: p95 frame under 16.7 ms; limit change to redraw under 100 ms.
import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumPathOrThrow } from '../e2e/support/browserPath.mjs';

const PORT = 4188;
const URL = `http://127.0.0.1:${PORT}`;
const PLAY_SECONDS = Number(process.env.BENCH_SECONDS ?? 6);

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (x) => x.toFixed(1);
  return `n=${sorted.length} p50 ${f(percentile(sorted, 50))} ms, p95 ${f(percentile(sorted, 95))} ms, max ${f(sorted.at(-1) ?? NaN)} ms`;
}

async function waitForServer(url, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

/**
 * Plays `scenario` at the highest speed and records, for each frame while it plays, the interval to the
 * previous frame, for PLAY_SECONDS of play (restarting the service when it ends). Leaves the service at the
 * start, paused, at the highest speed.
 */
async function frameTimes(page, scenario) {
  await page.goto(`${URL}/?scenario=${scenario}&seed=7&paused=1`);
  await page.locator('body.started').waitFor({ state: 'attached' });
  const speed = page.getByRole('slider', { name: /Speed/ });
  await speed.focus();
  await page.keyboard.press('End'); // the last notch: as fast as possible
  const play = page.getByRole('button', { name: 'Play', exact: true });
  const intervals = [];
  const end = Date.now() + PLAY_SECONDS * 1000;
  while (Date.now() < end) {
    await play.click();
    const run = await page.evaluate(
      (ms) =>
        new Promise((resolve) => {
          const playButton = document.querySelector('.playbar button.primary');
          const isPlaying = () => playButton?.textContent?.trim() === 'Pause';
          const out = [];
          let last = NaN;
          let frames = 0;
          const stopAt = performance.now() + ms;
          function frame(now) {
            frames += 1;
            if (frames > 2) out.push(now - last); // the first frames include the click's own work
            last = now;
            if (now < stopAt && (frames < 3 || isPlaying())) requestAnimationFrame(frame);
            else setTimeout(() => resolve(out), 0);
          }
          requestAnimationFrame(frame);
        }),
      end - Date.now(),
    );
    intervals.push(...run);
    if (Date.now() >= end) break;
    await pauseAndRestart(page);
  }
  await pauseAndRestart(page);
  return intervals;
}

/** Paused (if the time ran out mid-service) and back at the start. */
async function pauseAndRestart(page) {
  await page.evaluate(() => {
    const button = document.querySelector('.playbar button.primary');
    if (button?.textContent?.trim() === 'Pause' && !button.disabled) button.click();
  });
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
}

/**
 * One traced run of the service already loaded at the highest speed: for each frame's main-thread task, the
 * milliseconds of script (animation-frame callbacks and the redraw they cause), style and layout, and paint
 * (pre-paint, paint, layerize).
 */
async function frameBreakdown(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor({ timeout: 120_000 });
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  await page.getByRole('button', { name: 'Restart', exact: true }).click();
  const threadOf = (e) => `${e.pid}:${e.tid}`;
  const frameCounts = new Map();
  for (const e of events) if (e.name === 'FireAnimationFrame') frameCounts.set(threadOf(e), (frameCounts.get(threadOf(e)) ?? 0) + 1);
  const main = [...frameCounts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const timed = events.filter((e) => threadOf(e) === main && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts);
  const tasks = timed.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const rows = [];
  let i = 0;
  for (const task of tasks) {
    const endTs = task.ts + task.dur;
    while (i < timed.length && timed[i].ts < task.ts) i++;
    const sums = { script: 0, layout: 0, paint: 0, isFrame: false };
    for (let j = i; j < timed.length && timed[j].ts < endTs; j++) {
      const e = timed[j];
      if (e.name === 'FireAnimationFrame') {
        sums.isFrame = true;
        sums.script += e.dur;
      } else if (e.name === 'UpdateLayoutTree' || e.name === 'Layout') sums.layout += e.dur;
      else if (e.name === 'PrePaint' || e.name === 'Paint' || e.name === 'Layerize') sums.paint += e.dur;
    }
    if (sums.isFrame) rows.push({ task: task.dur / 1000, script: sums.script / 1000, layout: sums.layout / 1000, paint: sums.paint / 1000 });
  }
  return rows;
}

function breakdownLine(rows) {
  const sorted = (key) => rows.map((r) => r[key]).sort((a, b) => a - b);
  const f = (key) => `${percentile(sorted(key), 50).toFixed(1)}/${percentile(sorted(key), 95).toFixed(1)}`;
  return `n=${rows.length} frame task ${f('task')} ms (p50/p95): script ${f('script')}, style+layout ${f('layout')}, paint ${f('paint')}`;
}

/** Changes a limit through its number field and times until the charts have redrawn (next frame painted). */
async function limitToRedraw(page, testId, values) {
  await page.goto(`${URL}/?scenario=dinner-service&seed=7&paused=1&t=1800000`);
  await page.locator('body.started').waitFor({ state: 'attached' });
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.waitForTimeout(500);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const field = page.getByTestId(testId);
  if (!(await field.isVisible())) await page.getByTestId('limits-group-tables').locator('summary').first().click();
  await field.waitFor();
  const times = [];
  for (const value of values) {
    // Armed before the key press: t0 is the Enter keydown on the field, t1 the second frame after the charts changed.
    await page.evaluate((testId) => {
      const input = document.querySelector(`[data-testid="${testId}"]`);
      const charts = document.querySelector('[data-testid="charts"]');
      window.__redraw = new Promise((resolve) => {
        if (!input || !charts) return resolve(NaN);
        let t0 = NaN;
        input.addEventListener('keydown', (e) => { if (e.key === 'Enter') t0 = performance.now(); }, { capture: true, once: true });
        const observer = new MutationObserver(() => {
          if (Number.isNaN(t0)) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
        });
        observer.observe(charts, { subtree: true, attributes: true, childList: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(NaN); }, 5000);
      });
    }, testId);
    await field.fill(String(value));
    await field.press('Enter');
    times.push(await page.evaluate(() => window.__redraw));
  }
  return times;
}

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
let browser;
try {
  await waitForServer(URL, 30_000);
  browser = await chromium.launch({
    executablePath: chromiumPathOrThrow(),
    args: ['--no-sandbox', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--disable-background-networking', '--disable-component-update'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  console.log(`Browser benchmark (Chromium, 1280x900, ${PLAY_SECONDS} s of play at the highest speed)`);
  for (const scenario of ['dinner-service', 'food-hall']) {
    const intervals = await frameTimes(page, scenario);
    console.log(`  frame time, ${scenario.padEnd(14)} ${summary(intervals)}`);
    console.log(`    traced:   ${' '.repeat(14)} ${breakdownLine(await frameBreakdown(page))}`);
  }
  // Three rounds of changes (a handful is too few for a p95 on a noisy machine).
  const measured = [];
  for (let round = 0; round < 3; round++) {
    const redraw = await limitToRedraw(page, 'limit-tables-small-max', [2, 6, 3, 8, 4, 10, 5, 7, 2, 6]);
    measured.push(...redraw.filter((x) => Number.isFinite(x)));
  }
  console.log(`  limit change to redrawn charts (tables, small max): ${measured.length ? summary(measured) : 'no redraw seen'}`);
  if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
} finally {
  await browser?.close();
  try {
    process.kill(-server.pid);
  } catch {
    // already gone
  }
}
