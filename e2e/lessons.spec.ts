import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { loadCourse } from '../src/lessons/loadLesson.ts';
import { resolveMoment } from '../src/lessons/lessonRuns.ts';
import { parseMoment, type Lesson, type Moment, type Question, type Step } from '../src/lessons/lessonSchema.ts';
import { inlineText, type Block, type Inline } from '../src/lessons/markdown.ts';
import { readLessonFolders } from '../src/lessons/readLessonFiles.ts';
import type { LimitCommand } from '../src/sim/commands.ts';
import { replay, type TimedCommand } from '../src/sim/timeline.ts';
import { formatClock } from '../src/ui/format.ts';
import { expect, test } from './fixtures.ts';

/**
 * The lessons as a learner takes them, generated from the lesson files themselves (a new lesson is walked
 * with no change here): every step of every lesson in order, each question answered wrong first (its
 * feedback checked) and then right, each task first checked unmet and then completed by typing the step's
 * solution into the limits panel, every hint and a moment link tried, a reload in the middle of each
 * lesson; then resuming, resetting, exporting and importing progress, stored progress that is corrupt, and
 * the keyboard alone.
 */

const LESSONS_DIR = fileURLToPath(new URL('../lessons', import.meta.url));
const loaded = loadCourse(readLessonFolders(LESSONS_DIR), { simulate: false });
const lessons: Lesson[] = loaded.lessons;

const text = (inlines: readonly Inline[]) => inlineText(inlines).replace(/\s+/g, ' ').trim();

/** The clock a moment of a step's own run shows (computed here, headless, from the lesson data). */
function clockAt(step: Step, moment: Moment): string {
  const target = resolveMoment(moment, step.timeline) ?? { atMs: 0 };
  return formatClock(replay(step.timeline, target).nowMs);
}

/** The lesson player and contents, as a learner uses them. */
class LessonPage {
  readonly heading: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly question: Locator;
  readonly feedback: Locator;
  readonly task: Locator;
  readonly taskStatus: Locator;
  readonly momentStatus: Locator;
  readonly clock: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly contents: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByTestId('step-heading');
    this.next = page.getByTestId('step-next');
    this.back = page.getByTestId('step-back');
    this.question = page.getByTestId('question');
    this.feedback = page.getByTestId('question-feedback');
    this.task = page.getByTestId('task');
    this.taskStatus = page.getByTestId('task-status');
    this.momentStatus = page.getByTestId('moment-status');
    this.clock = page.getByRole('timer', { name: /Clock/ });
    this.playButton = page.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = page.getByRole('button', { name: 'Pause', exact: true });
    this.contents = page.getByTestId('lesson-contents');
  }

  async open(hash: string): Promise<void> {
    await this.page.goto(`/?paused=1${hash}`);
    await expect(this.page.locator('body.started')).toBeAttached();
  }

  /** The row of a lesson on the contents page. */
  row(lesson: Lesson): Locator {
    return this.page.locator(`[data-testid="lesson-row"][data-slug="${lesson.slug}"]`);
  }

  /** Waits until step `step` of `lesson` is shown, its heading focused. */
  async expectStep(lesson: Lesson, step: Step): Promise<void> {
    await expect(this.page.getByTestId('lesson-player')).toHaveAttribute('data-step', String(step.number));
    await expect(this.page.getByTestId('lesson-player')).toHaveAttribute('data-lesson', lesson.slug);
    await expect(this.heading).toContainText(`Step ${step.number} of ${lesson.steps.length}`);
    await expect(this.heading).toContainText(step.title);
    await expect(this.heading).toBeFocused();
    // Its starting state: at the step's `at`, paused unless the step plays.
    if (!step.shouldPlay) {
      await expect(this.playButton).toBeVisible();
      await expect(this.clock).toHaveText(clockAt(step, step.at));
    } else await expect(this.pauseButton).toBeVisible();
  }

  /** Answers the step's question wrong (checking the feedback that names the misconception), then right. */
  async answerWrongThenRight(step: Step): Promise<void> {
    const question = step.question!;
    const check = this.question.getByTestId('question-check');
    if (question.kind === 'choice') {
      const wrong = question.options.findIndex((o) => !o.isCorrect);
      const right = question.options.findIndex((o) => o.isCorrect);
      await this.question.getByRole('radio').nth(wrong).check();
      await check.click();
      await expect(this.feedback).toHaveAttribute('data-verdict', 'wrong');
      await expect(this.feedback).toContainText('Not quite.');
      await expect(this.feedback).toContainText(text(question.options[wrong].feedback ?? []));
      await this.question.getByRole('radio', { name: text(question.options[right].text), exact: true }).check();
      await check.click();
      await expect(this.feedback).toHaveAttribute('data-verdict', 'right');
      await expect(this.feedback).toContainText('Right.');
      const because = question.options[right].feedback;
      if (because !== null) await expect(this.feedback).toContainText(text(because));
    } else if (question.kind === 'number') {
      const input = this.question.getByTestId('question-number');
      await input.fill(String(question.answer + question.tolerance + 1));
      await check.click();
      await expect(this.feedback).toContainText('Too high.');
      await expect(this.feedback).toContainText(text(question.tooHigh));
      await input.fill(String(question.answer - question.tolerance - 1));
      await input.press('Enter');
      await expect(this.feedback).toContainText('Too low.');
      await expect(this.feedback).toContainText(text(question.tooLow));
      await input.fill(String(question.answer));
      await check.click();
      await expect(this.feedback).toHaveAttribute('data-verdict', 'right');
      await expect(this.feedback).toContainText('Right:');
    } else {
      await this.question.getByTestId('question-reflection').fill('Nothing is released unless someone owns the release.');
      await this.question.getByTestId('question-reveal').click();
      await expect(this.feedback).toContainText('A model answer:');
      await expect(this.feedback).toContainText(text(question.modelAnswer));
      return;
    }
    // The right answer shows its moment: the run goes there.
    if (question.reveal !== null) await expect(this.clock).toHaveText(clockAt(step, question.reveal));
  }

  /** Sees the task unmet on the live checklist, types its solution into the limits panel, and checks it done. */
  async completeTask(step: Step): Promise<void> {
    const task = step.task!;
    await expect(this.task).toHaveAttribute('data-done', 'false');
    await expect(this.task.locator('[data-testid="task-goal"][data-met="false"]').first()).toBeVisible();

    const byTime = new Map<number, TimedCommand[]>();
    for (const c of task.solution) byTime.set(c.atMs, [...(byTime.get(c.atMs) ?? []), c]);
    for (const [atMs, commands] of byTime) {
      await this.seekTo(atMs);
      for (const { command } of commands) await this.applyInPanel(command);
    }
    await expect(this.page.locator('[data-testid^="limit-error-"]')).toHaveCount(0);
    await expect(this.task.locator('[data-testid="task-limit"][data-met="false"]')).toHaveCount(0);
    await expect(this.task.locator('[data-testid="task-goal"][data-met="false"]')).toHaveCount(0);
    await this.task.getByTestId('task-check').click();
    await expect(this.taskStatus).toContainText('Task done');
    await expect(this.task.getByTestId('task-done')).toBeVisible();
    await expect(this.task).toHaveAttribute('data-done', 'true');
  }

  /** Moves the scrubber to `atMs` (no real-time playing). */
  async seekTo(atMs: number): Promise<void> {
    const scrubber = this.page.getByTestId('timeline-scrubber').getByRole('slider');
    await scrubber.fill(String(atMs));
    const s = Math.floor(atMs / 1000);
    await expect(this.clock).toContainText(`${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`);
  }

  /** Opens a limits group of the panel unless it is open. */
  async openGroup(kind: string): Promise<void> {
    const group = this.page.getByTestId(`limits-group-${kind}`);
    if ((await group.getAttribute('open')) === null) await group.locator('summary').first().click();
    await expect(group).toHaveAttribute('open', '');
  }

  /** Types `value` into one limit field and presses Enter, as a learner does. */
  async setField(kind: string, key: string, value: number | 'unbounded'): Promise<void> {
    await this.openGroup(kind);
    const input = this.page.getByTestId(`limit-${kind}-${key}`);
    const unit = value === 'unbounded' ? '' : /Ms$/.test(key) ? ' ms' : /Bytes$/.test(key) || (kind === 'manager' && key === 'memory') ? ' B' : '';
    await input.fill(`${value}${unit}`);
    await input.press('Enter');
    await expect(this.page.getByTestId(`limit-error-${kind}-${key}`)).toHaveCount(0);
  }

  /** The number a count field shows now. */
  async fieldNumber(kind: string, key: string): Promise<number> {
    return Number(await this.page.getByTestId(`limit-${kind}-${key}`).inputValue());
  }

  /** Makes the change `command` describes through the limits panel's fields (never by sending it directly). */
  async applyInPanel(command: LimitCommand): Promise<void> {
    switch (command.kind) {
      case 'tables':
        for (const [key, value] of Object.entries(command.changes)) {
          if (typeof value === 'object') {
            // A class is min and max: raise max first, or lower min first, so no moment has min above max.
            const { min, max } = value as { min: number; max: number };
            if (min > (await this.fieldNumber('tables', `${key}-max`))) {
              await this.setField('tables', `${key}-max`, max);
              await this.setField('tables', `${key}-min`, min);
            } else {
              await this.setField('tables', `${key}-min`, min);
              await this.setField('tables', `${key}-max`, max);
            }
          } else await this.setField('tables', key, value as number);
        }
        return;
      case 'staff': {
        // A crew's core size never above its max: raise max first when core goes above the max now.
        const entries = Object.entries(command.changes);
        const core = command.changes.corePoolSize;
        if (core !== undefined && core > (await this.fieldNumber('staff', 'maxPoolSize'))) entries.sort(([a], [b]) => (a === 'maxPoolSize' ? -1 : b === 'maxPoolSize' ? 1 : 0));
        for (const [key, value] of entries) {
          if (typeof value !== 'number' && value !== 'unbounded') throw new Error(`e2e: add a way to set staff.${key} (${String(value)}) through the panel`);
          await this.setField('staff', key, value);
        }
        return;
      }
      case 'ingredients': {
        const hardFirst = command.softLimit > (await this.fieldNumber('ingredients', 'hardLimit'));
        const fields = hardFirst ? (['hardLimit', 'softLimit'] as const) : (['softLimit', 'hardLimit'] as const);
        for (const key of fields) if ((await this.fieldNumber('ingredients', key)) !== command[key]) await this.setField('ingredients', key, command[key]);
        return;
      }
      case 'stations':
      case 'shelf':
        for (const [key, value] of Object.entries(command.changes)) await this.setField(command.kind, key, value as number);
        return;
      case 'manager':
        await this.setField('manager', command.resource, command.limit);
        return;
    }
  }
}

test.describe('every lesson, walked as a learner', () => {
  test('the course has lessons and every one loads', () => {
    expect(loaded.ok ? [] : loaded.problems).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  for (const lesson of lessons) {
    test(`lesson ${lesson.number}, “${lesson.title}”: every step from start to end`, async ({ page }) => {
      test.slow();
      const learner = new LessonPage(page);
      await learner.open('#/lessons');
      await learner.row(lesson).getByRole('link', { name: lesson.title }).click();
      const middle = Math.ceil(lesson.steps.length / 2);

      for (const step of lesson.steps) {
        await learner.expectStep(lesson, step);
        if (step.shouldPlay) {
          // The step starts playing; pause it (the walk seeks, it never waits for real time).
          await learner.pauseButton.click();
          await expect(learner.playButton).toBeVisible();
        }
        if (step.number === 1 && lesson.intro.length > 0) await expect(page.getByTestId('lesson-player')).toContainText(text(introFirstLine(lesson)));

        const momentLink = page.getByTestId('moment-link').first();
        if ((await momentLink.count()) > 0) {
          const moment = parseMoment((await momentLink.getAttribute('data-moment')) ?? '');
          if (!moment.ok) throw new Error(moment.message);
          await momentLink.click();
          await expect(learner.momentStatus).toContainText('Moved to');
          await expect(learner.clock).toHaveText(clockAt(step, moment.value));
        }
        // Prose written after the step block answers the question or task: hidden until then, shown after.
        const hasReveal = step.revealFrom < step.body.length && (step.question !== null || step.task !== null);
        if (hasReveal) await expect(page.getByTestId('step-after')).toHaveCount(0);
        if (step.question) await learner.answerWrongThenRight(step);
        if (step.task) await learner.completeTask(step);
        if (hasReveal) await expect(page.getByTestId('step-after')).toContainText(text(blockText(step.body[step.revealFrom])));
        for (const [i, hint] of step.hints.entries()) {
          await page.getByTestId('hint-next').click();
          await expect(page.getByTestId('hint').nth(i)).toContainText(text(hint));
        }
        await expect(page.getByRole('link', { name: `Step ${step.number}: ${step.title} (done)` })).toBeVisible();

        if (step.number === middle) {
          // A reload in the middle: the same step, its answers and task kept.
          await page.reload();
          await expect(page.locator('body.started')).toBeAttached();
          await learner.expectStep(lesson, step);
          if (step.question) await expect(learner.question).toHaveAttribute('data-solved', 'true');
          if (step.question && step.question.kind !== 'reflect') await expect(learner.feedback).toHaveAttribute('data-verdict', 'right');
          if (step.task) await expect(learner.task).toHaveAttribute('data-done', 'true');
        }
        await learner.next.click();
      }

      await learner.open('#/lessons');
      await expect(learner.row(lesson)).toHaveAttribute('data-status', 'done');
      await expect(learner.row(lesson).getByTestId('lesson-status')).toHaveText('✓ Done');
    });
  }
});

/** The first line of a block as inline content (a paragraph whole, a list's first item, a code block's first line). */
function blockText(block: Block): Inline[] {
  if (block.kind === 'paragraph') return block.children;
  if (block.kind === 'list') return block.items[0];
  return [{ kind: 'text', text: block.text.split('\n')[0] }];
}

/** The first paragraph of a lesson's introduction as inline content (a list item when it starts with one). */
function introFirstLine(lesson: Lesson): Inline[] {
  const first = lesson.intro[0];
  if (first.kind === 'paragraph') return first.children;
  if (first.kind === 'list') return first.items[0];
  return [{ kind: 'text', text: first.text.split('\n')[0] }];
}

test.describe('progress', () => {
  const first = lessons[0];

  test('a step opened by its address restores its start; Back restores the step before exactly', async ({ page }) => {
    const learner = new LessonPage(page);
    const withTwo = lessons.find((l) => l.steps.length >= 2)!;
    await learner.open(`#/lessons/${withTwo.slug}/2`);
    await learner.expectStep(withTwo, withTwo.steps[1]);
    await learner.back.click();
    await learner.expectStep(withTwo, withTwo.steps[0]);
    const startClock = await learner.clock.textContent();
    const startEvents = await page.getByText(/\d+ events? so far/).textContent();
    await learner.seekTo(20 * 60_000);
    await learner.next.click();
    await learner.back.click();
    await learner.expectStep(withTwo, withTwo.steps[0]);
    await expect(learner.clock).toHaveText(startClock ?? '');
    await expect(page.getByText(/\d+ events? so far/)).toHaveText(startEvents ?? '');
  });

  test('progress survives a reload, and Continue resumes where the learner left off', async ({ page }) => {
    const learner = new LessonPage(page);
    await learner.open('#/lessons');
    const start = page.getByTestId('continue');
    await expect(start).toHaveText(new RegExp(`^Start: lesson ${first.number}, step 1`));
    await start.click();
    await learner.expectStep(first, first.steps[0]);
    await learner.next.click();
    await learner.expectStep(first, first.steps[1]);
    await page.getByTestId('mode-lessons').click();
    await expect(learner.contents).toBeVisible();
    await expect(learner.row(first)).toHaveAttribute('data-status', 'started');

    await page.reload();
    await expect(page.getByTestId('continue')).toHaveText(new RegExp(`^Continue: lesson ${first.number}, step 2`));
    await page.getByTestId('continue').click();
    await learner.expectStep(first, first.steps[1]);

    // Free play is one click away, and back.
    await page.getByTestId('mode-free-play').click();
    await expect(page.getByTestId('lesson-player')).toHaveCount(0);
    await expect(page.getByTestId('limits-panel')).toBeVisible();
    await page.getByTestId('mode-lessons').click();
    await expect(learner.contents).toBeVisible();
  });

  test('export, reset with a confirmation, import: the same progress comes back; a bad file changes nothing', async ({ page }, testInfo) => {
    const learner = new LessonPage(page);
    await learner.open(`#/lessons/${first.slug}/1`);
    await learner.expectStep(first, first.steps[0]);
    await learner.next.click();
    await learner.expectStep(first, first.steps[1]);
    await page.getByTestId('mode-lessons').click();
    await expect(learner.row(first)).toHaveAttribute('data-status', /started|done/);
    const statusBefore = await learner.row(first).getByTestId('lesson-status').textContent();

    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-progress').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^back-of-house-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = testInfo.outputPath('progress.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.version).toBe(1);
    expect(exported.lastLesson).toBe(first.slug);
    expect(exported.lessons[first.slug].stepsSeen).toEqual([1, 2]);
    expect(exported.lessons[first.slug].lastStep).toBe(2);

    // Reset one lesson: asked first; Cancel keeps it.
    await learner.row(first).getByTestId('reset-lesson').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(learner.row(first)).toHaveAttribute('data-status', /started|done/);

    await page.getByTestId('reset-all').click();
    await dialog.getByTestId('confirm-yes').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('progress-message')).toHaveText('All lesson progress was reset.');
    await expect(learner.row(first)).toHaveAttribute('data-status', 'new');

    // A bad file: a clear message, nothing changed.
    await page.getByTestId('import-progress').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"version":1,"lessons":{"x":{"stepsSeen":[0]}}}') });
    await expect(page.getByTestId('progress-problem')).toContainText('“notes.json”: This progress file has a problem at “lessons.x');
    await expect(page.getByTestId('progress-problem')).toContainText('Nothing was changed.');
    await expect(learner.row(first)).toHaveAttribute('data-status', 'new');
    await page.getByTestId('import-progress').setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json') });
    await expect(page.getByTestId('progress-problem')).toContainText('it is not valid JSON');

    await page.getByTestId('import-progress').setInputFiles(file);
    await expect(page.getByTestId('progress-message')).toHaveText('Progress imported: 1 lesson with progress.');
    await expect(page.getByTestId('progress-problem')).toHaveText('');
    await expect(learner.row(first).getByTestId('lesson-status')).toHaveText(statusBefore ?? '');
    await page.reload();
    await expect(learner.row(first).getByTestId('lesson-status')).toHaveText(statusBefore ?? '');
  });

  test('corrupt stored progress is set aside with a notice, and the readable lessons are kept', async ({ page }) => {
    const good = { stepsSeen: [1], answers: {}, tasksDone: [], lastStep: 1 };
    const stored = JSON.stringify({ version: 1, lessons: { [first.slug]: good, broken: { stepsSeen: 'all' } } });
    await page.addInitScript((text) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('boh.progress', text);
        sessionStorage.setItem('seeded', '1');
      }
    }, stored);
    const learner = new LessonPage(page);
    await learner.open('#/lessons');
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('“broken”');
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toContainText('boh.progress.corrupt-1');
    await expect(learner.row(first)).toHaveAttribute('data-status', 'started');
    expect(await page.evaluate(() => localStorage.getItem('boh.progress.corrupt-1'))).toBe(stored);
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('boh.progress'))) ?? '')).toEqual({ version: 1, lastLesson: null, lessons: { [first.slug]: good } });

    // Not JSON at all: set aside too, the page still works.
    await page.evaluate(() => localStorage.setItem('boh.progress', '{"version":1,'));
    await page.reload();
    await expect(page.getByRole('status').filter({ hasText: 'not valid JSON' })).toContainText('boh.progress.corrupt-2');
    await expect(learner.row(first)).toHaveAttribute('data-status', 'new');
  });

  test('a lesson that does not exist says so and links to the contents', async ({ page }) => {
    const learner = new LessonPage(page);
    await learner.open('#/lessons/no-such-lesson/2');
    await expect(page.getByTestId('lesson-missing')).toContainText('There is no lesson called “no-such-lesson”');
    await page.getByTestId('lesson-missing').getByRole('link').click();
    await expect(learner.contents).toBeVisible();
  });
});

test.describe('keyboard and screen readers', () => {
  const withChoice = lessons.flatMap((l) => l.steps.filter((s) => s.question?.kind === 'choice').map((s) => ({ lesson: l, step: s })))[0];

  test('a choice question answered and the next step reached with the keyboard alone', async ({ page }) => {
    test.skip(withChoice === undefined, 'no lesson has a choice question');
    const { lesson, step } = withChoice;
    const question = step.question as Extract<Question, { kind: 'choice' }>;
    const learner = new LessonPage(page);
    await learner.open(`#/lessons/${lesson.slug}/${step.number}`);
    await learner.expectStep(lesson, step);
    // From the heading, Tab reaches the first radio; arrows move through the group; Enter checks.
    const firstRadio = learner.question.getByRole('radio').first();
    for (let i = 0; i < 40 && !(await firstRadio.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(firstRadio).toBeFocused();
    const right = question.options.findIndex((o) => o.isCorrect);
    await page.keyboard.press('Space');
    for (let i = 0; i < right; i++) await page.keyboard.press('ArrowDown');
    await expect(learner.question.getByRole('radio').nth(right)).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(learner.feedback).toHaveAttribute('data-verdict', 'right');
    await expect(learner.feedback).toHaveAttribute('aria-live', 'polite');
    for (let i = 0; i < 60 && !(await learner.next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(learner.next).toBeFocused();
    await page.keyboard.press('Enter');
    const following = lesson.steps[step.number] ?? null;
    if (following) await learner.expectStep(lesson, following);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`the contents, a question and a task have no serious accessibility problems (${theme})`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ colorScheme: theme });
      const learner = new LessonPage(page);
      const pages = ['#/lessons'];
      const questionStep = lessons.flatMap((l) => l.steps.filter((s) => s.question !== null).map((s) => `#/lessons/${l.slug}/${s.number}`))[0];
      const taskStep = lessons.flatMap((l) => l.steps.filter((s) => s.task !== null).map((s) => `#/lessons/${l.slug}/${s.number}`))[0];
      if (questionStep) pages.push(questionStep);
      if (taskStep) pages.push(taskStep);
      for (const hash of pages) {
        await learner.open(hash);
        if (hash !== '#/lessons') {
          await expect(learner.heading).toBeFocused();
          const check = page.getByTestId('question-check');
          if ((await check.count()) > 0) await check.click(); // the feedback shown too
        }
        const results = await new AxeBuilder({ page }).analyze();
        const lines = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')}`));
        expect.soft(lines, `${hash}:\n${lines.join('\n')}`).toEqual([]);
      }
    });
  }
});
