import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PAGE_CODE_TIME_LIMIT_MS } from '../src/challenge/codeRunner.ts';
import { nodeCodeRunner } from '../src/challenge/nodeCodeRunner.ts';
import { IMPORT_CASE, PARITY_CASES, parityProbe, probeOutcomes } from '../src/challenge/runnerParityCases.ts';
import { expect, test } from './fixtures.ts';

/**
 * The challenges screen as a learner uses it: the list, a limits challenge, a code challenge (an endless
 * loop, a throw, a wrong return), export and open a solution file, the share link, bad links and files,
 * drafts across a reload, the keyboard alone, and axe in both themes.
 */

const FRIDAY = 'friday-rush';
const LRU = 'write-lru';
const fridayReference = JSON.parse(readFileSync('lessons/challenges/01-friday-rush/reference.json', 'utf8')) as { settings: Record<string, number> };
const lruReference = readFileSync('lessons/challenges/09-write-lru/reference.js', 'utf8');

const verdict = (page: Page) => page.getByTestId('verdict');
const goal = (page: Page, id: string) => page.locator(`[data-testid="goal"][data-goal-id="${id}"]`);
const setting = (page: Page, path: string) => page.locator(`[data-testid="setting"][data-path="${path}"]`).locator('input, select');

async function openChallenge(page: Page, id: string): Promise<void> {
  await page.goto(`/#/challenges/${id}`);
  await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
}

/** Runs and waits for a finished verdict (pass, fail or error); returns its status. */
async function run(page: Page): Promise<string> {
  await page.getByTestId('run').click();
  await expect(verdict(page)).not.toHaveAttribute('data-status', /^(idle|running)$/, { timeout: 30_000 });
  return (await verdict(page).getAttribute('data-status')) ?? '';
}

async function goalStatuses(page: Page): Promise<Record<string, string>> {
  const rows = await page.getByTestId('goal').all();
  const out: Record<string, string> = {};
  for (const row of rows) out[(await row.getAttribute('data-goal-id')) ?? ''] = (await row.getAttribute('data-status')) ?? '';
  return out;
}

/** Replaces the editor's whole text (inserted as text, so the editor adds no brackets of its own). */
async function setCode(page: Page, code: string): Promise<void> {
  const editor = page.getByTestId('code-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${v.help} — ${n.target.join(' ')}`));
}

test('the list shows every challenge; a limits challenge goes from failing to passing as its settings change', async ({ page }) => {
  await page.goto('/#/challenges');
  await expect(page.getByTestId('mode-challenges')).toHaveAttribute('aria-current', 'page');
  const rows = page.getByTestId('challenge-row');
  expect(await rows.count()).toBeGreaterThanOrEqual(10);
  await expect(page.locator(`[data-testid="challenge-row"][data-challenge-id="${LRU}"]`).getByTestId('has-code')).toBeVisible();
  await page.locator(`[data-testid="challenge-row"][data-challenge-id="${FRIDAY}"]`).getByRole('link').click();
  await expect(page).toHaveURL(/#\/challenges\/friday-rush$/);

  await expect(verdict(page)).toHaveAttribute('data-status', 'idle');
  await expect(verdict(page)).toHaveAttribute('data-engine', '1');
  expect(await run(page)).toBe('fail');
  const before = await goalStatuses(page);
  expect(Object.keys(before).length).toBeGreaterThanOrEqual(2);
  expect(Object.values(before)).toContain('fail');
  // Each goal says why, per seed.
  await expect(goal(page, 'p95-wait').getByTestId('goal-message')).not.toBeEmpty();
  await expect(goal(page, 'p95-wait').getByTestId('goal-seed')).toHaveCount(4);

  for (const [path, value] of Object.entries(fridayReference.settings)) await setting(page, path).fill(String(value));
  await expect(page.getByTestId('verdict-stale')).toBeVisible();
  expect(await run(page)).toBe('pass');
  for (const status of Object.values(await goalStatuses(page))) expect(status).toBe('pass');
  await expect(page.getByTestId('passed-badge')).toBeVisible();

  // A value out of range is refused beside its field and not used.
  await setting(page, 'tables.small.max').fill('999');
  await expect(page.getByTestId('setting-problem')).toContainText('At most');
  await page.getByTestId('run').click();
  await expect(page.getByTestId('run-problem')).toBeVisible();
  await page.goto('/#/challenges');
  await expect(page.locator(`[data-testid="challenge-row"][data-challenge-id="${FRIDAY}"]`)).toHaveAttribute('data-status', 'passed');
});

test('at 1280x900 a settings-only challenge shows its settings beside Run, above the brief, without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openChallenge(page, FRIDAY);
  const run = await page.getByTestId('run').boundingBox();
  const settings = await page.getByTestId('settings-card').boundingBox();
  const brief = await page.getByRole('heading', { name: 'The brief' }).boundingBox();
  expect(run && settings && brief).toBeTruthy();
  expect(settings!.y + settings!.height).toBeLessThanOrEqual(900);
  expect(Math.abs(settings!.y - run!.y)).toBeLessThan(60);
  expect(settings!.y).toBeLessThan(brief!.y);
});

test('"Watch this night in free play" opens the challenge\'s night with the learner\'s settings, paused on the first grading seed', async ({ page }) => {
  await openChallenge(page, FRIDAY);
  await setting(page, 'tables.small.max').fill('20');
  await page.getByTestId('watch-in-free-play').click();
  await expect(page).toHaveURL(/[?&]scenario=tables&seed=11&paused=1&setup=/);
  await expect(page.getByTestId('mode-lessons')).not.toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('textbox', { name: /Seed/ })).toHaveValue('11');
  await expect(page.getByTestId('limit-tables-small-max')).toHaveValue('20');
});

test('a code challenge: an endless loop ends with a clear message and the page stays responsive; Cancel stops a run', async ({ page }) => {
  test.slow();
  await openChallenge(page, LRU);
  await setCode(page, 'function chooseVictim(dishes, nowMs) {\n  while (true) {}\n}');
  await page.getByTestId('run').click();
  await expect(verdict(page)).toHaveAttribute('data-status', 'running');
  // The page answers at once while the worker spins.
  const started = Date.now();
  await page.evaluate(() => document.title);
  await page.getByRole('link', { name: 'All challenges' }).focus();
  expect(Date.now() - started).toBeLessThan(2000);
  await expect(page.getByTestId('cancel')).toBeEnabled();
  // The page waits longer than the engine's limit for all calls together (so a slow but correct solution is
  // never stopped here first), then ends the worker.
  await expect(verdict(page)).toHaveAttribute('data-status', 'error', { timeout: PAGE_CODE_TIME_LIMIT_MS + 15_000 });
  await expect(page.getByTestId('run-error')).toContainText('is there a loop that never ends?');

  await page.getByTestId('run').click();
  await expect(verdict(page)).toHaveAttribute('data-status', 'running');
  await page.getByTestId('cancel').click();
  await expect(verdict(page)).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('verdict-headline')).toHaveText('The run was cancelled.');
});

test('a code challenge: a throw and a wrong return type each fail with a message naming the function', async ({ page }) => {
  await openChallenge(page, LRU);
  await setCode(page, "function chooseVictim(dishes, nowMs) {\n  throw new Error('the shelf is on fire');\n}");
  expect(await run(page)).toBe('fail');
  await expect(page.getByTestId('code-error')).toContainText('chooseVictim threw Error: the shelf is on fire (line 2)');
  for (const row of await page.getByTestId('goal').all()) await expect(row).toHaveAttribute('data-status', 'fail');

  await setCode(page, 'function chooseVictim(dishes, nowMs) {\n  return 42;\n}');
  expect(await run(page)).toBe('fail');
  await expect(page.getByTestId('code-error')).toContainText('chooseVictim');
  await expect(page.getByTestId('code-error')).toContainText('42');

  await setCode(page, 'function chooseVictim(dishes, nowMs) {\n  return dishes[0].key +;\n}');
  expect(await run(page)).toBe('fail');
  await expect(page.getByTestId('code-error')).toContainText('syntax error on line 2');

  await setCode(page, "function chooseVictim(dishes) {\n  fetch('https://example.com/');\n  return dishes[0].key;\n}");
  expect(await run(page)).toBe('fail');
  await expect(page.getByTestId('code-error')).toContainText('fetch is not defined');

  await setCode(page, lruReference);
  expect(await run(page)).toBe('pass');
  await expect(page.getByTestId('code-error')).toHaveCount(0);
});

test('the worker gives learner code the same globals as the grader\'s Node runner: the same snippets work or fail alike', async ({ page }) => {
  test.slow();
  const blocked: string[] = [];
  await page.context().route(
    (url) => url.hostname === '127.0.0.1' && url.port === '9',
    (route) => {
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await openChallenge(page, LRU);
  const probe = parityProbe('chooseVictim');
  await setCode(page, probe);
  expect(await run(page)).toBe('fail');
  const pageMessage = (await page.getByTestId('code-error').textContent()) ?? '';
  let nodeMessage = '';
  try {
    nodeCodeRunner.compile(probe, 'chooseVictim');
  } catch (e) {
    nodeMessage = (e as Error).message;
  }
  const expected = PARITY_CASES.map((c) => c.outcome);
  const table = (outcomes: string[] | null) => PARITY_CASES.map((c, i) => `${c.name}: ${outcomes?.[i] ?? '?'}`);
  expect(table(probeOutcomes(pageMessage)), `the page said: ${pageMessage}`).toEqual(table(expected));
  expect(table(probeOutcomes(nodeMessage)), `Node said: ${nodeMessage}`).toEqual(table(expected));

  await setCode(page, IMPORT_CASE.code.replaceAll('pick', 'chooseVictim'));
  expect(await run(page)).toBe('fail');
  await expect(page.getByTestId('code-error')).toContainText(IMPORT_CASE.message);
  // Give a request that slipped out time to show.
  await page.waitForTimeout(500);
  expect(blocked).toEqual([]);
});

test('a const arrow function with a leftover console.log passes in the page, as in the grader', async ({ page }) => {
  await openChallenge(page, LRU);
  const code = "const chooseVictim = (dishes, nowMs) => {\n  console.log('choosing at', nowMs);\n  return dishes.reduce((a, d) => (d.lastUsedAtMs < a.lastUsedAtMs ? d : a)).key;\n};";
  await setCode(page, code);
  expect(await run(page)).toBe('pass');
  await expect(page.getByTestId('code-error')).toHaveCount(0);
  expect(nodeCodeRunner.compile(code, 'chooseVictim')([{ key: 'a', lastUsedAtMs: 5 }, { key: 'b', lastUsedAtMs: 1 }], 9)).toBe('b');
});

test('export downloads a valid solution file; opening it in a fresh page gives the same verdict', async ({ page, browser }) => {
  await openChallenge(page, LRU);
  await setCode(page, lruReference.replace('<', '>')); // the most recently used leaves: a wrong answer that runs
  expect(await run(page)).toBe('fail');
  const statuses = await goalStatuses(page);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-solution').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${LRU}.solution.json`);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  const solution = JSON.parse(text) as Record<string, unknown>;
  expect(solution).toMatchObject({ format: 'back-of-house/solution', version: 1, challenge: LRU, engine: '1' });
  expect(solution.code).toContain('>');

  const fresh = await (await browser.newContext()).newPage();
  await openChallenge(fresh, LRU);
  await expect(fresh.getByLabel('Open a solution file', { exact: true })).toHaveAttribute('data-testid', 'solution-file');
  await expect(fresh.getByRole('button', { name: 'Run', exact: true })).toHaveAttribute('data-testid', 'run');
  await fresh.getByTestId('solution-file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(fresh.getByTestId('loaded-solution')).toHaveText(`${LRU}.solution.json`);
  await expect(verdict(fresh)).toHaveAttribute('data-status', 'idle');
  expect(await run(fresh)).toBe('fail');
  expect(await goalStatuses(fresh)).toEqual(statuses);
  await fresh.context().close();
});

test('a share link carries the settings to a fresh page, which then drops it from the address', async ({ page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openChallenge(page, FRIDAY);
  await setting(page, 'tables.small.max').fill('17');
  await page.getByTestId('copy-share-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#\/challenges\/friday-rush\?solution=[A-Za-z0-9_-]+$/);
  expect(await run(page)).toBe('fail');
  const statuses = await goalStatuses(page);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('loaded-solution')).toHaveText('a share link');
  await expect(setting(fresh, 'tables.small.max')).toHaveValue('17');
  await expect(fresh).toHaveURL(/#\/challenges\/friday-rush$/);
  expect(await run(fresh)).toBe('fail');
  expect(await goalStatuses(fresh)).toEqual(statuses);
  // A reload keeps the shared settings as the draft.
  await fresh.reload();
  await expect(setting(fresh, 'tables.small.max')).toHaveValue('17');
  await fresh.context().close();
});

test('a damaged or hostile share link and a bad file each show a message and change nothing', async ({ page }) => {
  await openChallenge(page, FRIDAY);
  await setting(page, 'tables.small.max').fill('13');
  const hostile = [
    '%%%not-base64',
    Buffer.from('{"format":"back-of-house/solution","version":1,"challenge":"friday-rush","engine":"0","settings":{},"code":null}').toString('base64url'),
    Buffer.from('{"format":"back-of-house/solution","version":1,"challenge":"friday-rush","engine":"1","settings":{"__proto__":{"x":1}},"code":null}').toString('base64url'),
    Buffer.from('{"format":"back-of-house/solution","version":1,"challenge":"write-lru","engine":"1","settings":{},"code":"function chooseVictim(d){return d[0].key}"}').toString('base64url'),
    Buffer.from('<script>alert(1)</script>').toString('base64url'),
  ];
  for (const value of hostile) {
    await page.goto(`/#/challenges/${FRIDAY}?solution=${value}`);
    await expect(page.getByTestId('solution-error')).toBeVisible();
    await expect(page.getByTestId('solution-error')).toHaveAttribute('role', 'alert');
    await expect(setting(page, 'tables.small.max')).toHaveValue('13');
    await expect(page.getByTestId('loaded-solution')).toHaveCount(0);
  }
  await page.goto(`/#/challenges/${FRIDAY}`);
  await page.reload();
  for (const [name, text] of [
    ['notes.json', 'this is not JSON'],
    ['other.json', '{"format":"something/else"}'],
    ['range.json', '{"format":"back-of-house/solution","version":1,"challenge":"friday-rush","engine":"1","settings":{"tables.small.max":5000},"code":null}'],
  ]) {
    await page.getByTestId('solution-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('solution-error')).toContainText(name);
    await expect(setting(page, 'tables.small.max')).toHaveValue('13');
    await expect(page.getByTestId('loaded-solution')).toHaveCount(0);
  }
  await page.getByTestId('solution-file').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(300 * 1024, 32) });
  await expect(page.getByTestId('solution-error')).toContainText('too large');
});

test('a reload keeps the draft: settings and code; Reset to starter can be put back', async ({ page }) => {
  await openChallenge(page, FRIDAY);
  await setting(page, 'tables.medium.max').fill('7');
  await page.reload();
  await expect(setting(page, 'tables.medium.max')).toHaveValue('7');

  await openChallenge(page, LRU);
  await setCode(page, 'function chooseVictim(dishes) {\n  return dishes[1].key; // kept\n}');
  await page.reload();
  await expect(page.getByTestId('code-editor')).toContainText('// kept');
  await page.getByTestId('reset-starter').click();
  await expect(page.getByTestId('code-editor')).not.toContainText('// kept');
  await page.getByTestId('put-back').click();
  await expect(page.getByTestId('code-editor')).toContainText('// kept');
});

test('keyboard only: open a challenge, change a setting, run, and move through the code editor with Tab', async ({ page }) => {
  await page.goto('/#/challenges');
  const link = page.locator(`[data-testid="challenge-row"][data-challenge-id="${FRIDAY}"]`).getByRole('link');
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/friday-rush$/);
  const field = setting(page, 'tables.small.max');
  for (let i = 0; i < 40 && !(await field.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('12');
  const runButton = page.getByTestId('run');
  for (let i = 0; i < 40 && !(await runButton.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(runButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(verdict(page)).toHaveAttribute('data-status', /^(pass|fail)$/, { timeout: 30_000 });

  await page.goto(`/#/challenges/${LRU}`);
  const editor = page.getByTestId('code-editor');
  await expect(editor).toBeVisible();
  for (let i = 0; i < 60 && !(await editor.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n// typed');
  await expect(editor).toContainText('// typed');
  await page.keyboard.press('Tab'); // leaves the editor: Tab is not trapped
  await expect(editor).not.toBeFocused();
  await expect(editor).toContainText('// typed');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the challenge screens in the ${theme} theme have no serious or critical accessibility problems`, async ({ page }) => {
    test.slow();
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/#/challenges');
    await expect(page.getByTestId('challenge-row').first()).toBeVisible();
    const list = await seriousViolations(page);
    expect.soft(list, `list:\n${list.join('\n')}`).toEqual([]);

    await openChallenge(page, LRU);
    await expect(page.getByTestId('code-editor')).toBeVisible();
    await run(page);
    await page.locator('details.why').first().locator('summary').click();
    const player = await seriousViolations(page);
    expect.soft(player, `code challenge:\n${player.join('\n')}`).toEqual([]);

    await openChallenge(page, FRIDAY);
    await setting(page, 'tables.small.max').fill('0');
    await page.getByTestId('run').click();
    await expect(page.getByTestId('run-problem')).toBeVisible();
    const limits = await seriousViolations(page);
    expect(limits, `limits challenge:\n${limits.join('\n')}`).toEqual([]);
  });
}
