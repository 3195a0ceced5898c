import { expect, type Locator, type Page } from '@playwright/test';

/** The first page as a learner uses it: each method is something a person does or looks at. */
export class RestaurantPage {
  readonly heading: Locator;
  readonly clock: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly stepButton: Locator;
  readonly stepBackButton: Locator;
  readonly scenarioPicker: Locator;
  readonly speed: Locator;
  readonly eventLog: Locator;
  readonly eventCount: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.clock = page.getByRole('timer', { name: /Clock/ });
    this.playButton = page.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = page.getByRole('button', { name: 'Pause', exact: true });
    this.stepButton = page.getByRole('button', { name: 'Step', exact: true });
    this.stepBackButton = page.getByRole('button', { name: 'Step back', exact: true });
    this.scenarioPicker = page.getByRole('combobox', { name: /scenario/ });
    this.speed = page.getByRole('slider', { name: /Speed/ });
    this.eventLog = page.getByRole('list', { name: /event log/ });
    this.eventCount = page.getByText(/\d+ events? so far/);
    this.notices = page.getByRole('status');
  }

  /** Opens the page with a query string such as `?scenario=tables&seed=7&paused=1` and waits until it is ready. */
  async open(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
    await expect(this.page.locator('body.started')).toBeAttached();
  }

  /** Presses Step once and waits until the event log has grown. */
  async step(): Promise<void> {
    const before = await this.eventCount.textContent();
    await this.stepButton.click();
    await expect(this.eventCount).not.toHaveText(before ?? '');
  }

  /** Presses Step back once and waits until the event log has changed. */
  async stepBack(): Promise<void> {
    const before = await this.eventCount.textContent();
    await this.stepBackButton.click();
    await expect(this.eventCount).not.toHaveText(before ?? '');
  }

  /** Presses a key with the focus on the page itself, not on a control (`'Space'`, `'ArrowRight'`). */
  async pressKey(key: string): Promise<void> {
    await this.heading.click();
    await this.page.keyboard.press(key);
  }

  async play(): Promise<void> {
    await this.playButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  async pause(): Promise<void> {
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
  }

  /** The newest narrated event (the log lists newest first). */
  latestEvent(): Locator {
    return this.eventLog.getByRole('listitem').first();
  }

  /** The gauge card of one kind, by its label ("Tables · connection pool"). */
  gauge(label: string): Locator {
    return this.page.getByRole('article', { name: label });
  }

  /** One bar of a gauge card, by the start of its caption ("Cooking stations"); its accessible name reads the whole bar. */
  gaugeBar(card: string, caption: string): Locator {
    return this.gauge(card).getByRole('img', { name: new RegExp(`^${caption} · `) });
  }

  /** Sets the speed slider to one of its notches (0 = 1×, 6 = 64×). */
  async setSpeedNotch(notch: number): Promise<void> {
    await this.speed.fill(String(notch));
  }

  /** Presses Step until `target` is visible in the page (at least once; gives up after `timeoutMs` of real time). */
  async stepUntilVisible(target: Locator, timeoutMs = 15_000): Promise<void> {
    await expect(async () => {
      await this.step();
      await expect(target).toBeVisible({ timeout: 0 });
    }).toPass({ timeout: timeoutMs, intervals: [0] });
  }
}
