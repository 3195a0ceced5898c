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

  // The restaurant's areas, each drawn from the simulation's real state.
  readonly diningRoom: Locator;
  readonly hostStand: Locator;
  /** Tables taken away (retired connections); `data-count` says how many. */
  readonly retiredTray: Locator;
  readonly staffRoom: Locator;
  readonly ticketRail: Locator;
  readonly stations: Locator;
  readonly memoryUse: Locator;
  readonly heapStrip: Locator;
  readonly pantry: Locator;
  readonly shelf: Locator;
  readonly hitRatio: Locator;
  /** "8 of 10": dishes on the shelf of the most it holds. */
  readonly shelfEntries: Locator;
  readonly shelfDishes: Locator;

  // Moving through time.
  readonly scrubber: Locator;
  readonly timelineMarkers: Locator;
  readonly timelinePicker: Locator;
  readonly timelineOptions: Locator;
  readonly compareLegend: Locator;

  // Header and dialogs.
  readonly termsToggle: Locator;
  readonly themeToggle: Locator;
  readonly shortcutHelp: Locator;
  readonly lifecycleDialog: Locator;

  readonly limitsPanel: Locator;

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

    this.diningRoom = page.getByTestId('dining-room');
    this.hostStand = page.getByTestId('host-stand');
    this.retiredTray = page.getByTestId('retired-tray');
    this.staffRoom = page.getByTestId('staff-room');
    this.ticketRail = page.getByTestId('ticket-rail');
    this.stations = page.getByTestId('stations');
    this.memoryUse = page.getByTestId('memory-use');
    this.heapStrip = page.getByTestId('heap-strip');
    this.pantry = page.getByTestId('pantry');
    this.shelf = page.getByTestId('shelf');
    this.hitRatio = page.getByTestId('hit-ratio');
    this.shelfEntries = page.getByTestId('shelf-entries');
    this.shelfDishes = this.shelf.locator('[data-testid^="shelf-dish-"]');

    this.scrubber = page.getByTestId('timeline-scrubber').getByRole('slider');
    this.timelineMarkers = page.getByTestId('timeline-marker');
    this.timelinePicker = page.getByTestId('timeline-picker');
    this.timelineOptions = page.getByTestId('timeline-option');
    this.compareLegend = page.getByTestId('compare-legend');

    this.termsToggle = page.getByTestId('terms-toggle');
    this.themeToggle = page.getByTestId('theme-toggle');
    this.shortcutHelp = page.getByTestId('shortcut-help');
    this.lifecycleDialog = page.getByTestId('lifecycle-dialog');

    this.limitsPanel = page.getByTestId('limits-panel');
  }

  /** The heading of one area of the restaurant, or of the charts panel. */
  areaHeading(area: 'dining' | 'staff' | 'stations' | 'pantry' | 'shelf' | 'charts'): Locator {
    return this.page.locator(area === 'charts' ? '#charts-title' : `#${area}-heading`);
  }

  /** A table of the dining room by its id (`table(3)`); `data-state` says available, occupied, cleaning, ... */
  table(id: number | string): Locator {
    return this.diningRoom.getByTestId(`table-${id}`);
  }

  /** Every table drawn in the dining room (not the retired tray). */
  get tables(): Locator {
    return this.diningRoom.locator('[data-testid^="table-"]');
  }

  /** A cook of the staff room by id (`cook(1)`); `data-state` says idle or busy. */
  cook(id: number | string): Locator {
    return this.staffRoom.getByTestId(`cook-${id}`);
  }

  get cooks(): Locator {
    return this.staffRoom.locator('[data-testid^="cook-"]');
  }

  /** A numbered pantry slot (`fd(0)`); `data-state` says reserved, open, leaked or free. */
  fd(n: number): Locator {
    return this.pantry.getByTestId(`fd-${n}`);
  }

  /** Every pantry slot drawn (the soft limit's worth). */
  get pantrySlots(): Locator {
    return this.pantry.locator('[data-testid^="fd-"]');
  }

  /** A kitchen-station pool (`'small'` prep counters, `'medium'` cooking stations). */
  pool(size: 'small' | 'medium'): Locator {
    return this.stations.getByTestId(`pool-${size}`);
  }

  /** A chart of the "Over the service" panel (`'utilisation'`, `'waiting'`, `'memory'`, ...). */
  chart(name: string): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  /** `testid:state` of every element `units` finds, in page order (`table-1:occupied`, `fd-0:reserved`). */
  async statesOf(units: Locator): Promise<string[]> {
    return units.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-testid')}:${el.getAttribute('data-state')}`));
  }

  /** The `data-state` of every table, keyed by its test id, in drawing order. */
  async tableStates(): Promise<string[]> {
    return this.statesOf(this.tables);
  }

  /** The number of events narrated so far, from "672 events so far". */
  async eventsSoFar(): Promise<number> {
    const text = (await this.eventCount.textContent()) ?? '';
    return Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
  }

  /** Clicks the timeline scrubber at `share` (0..1) of its width; returns the time it now reads, as the clock shows it. */
  async clickScrubberAt(share: number): Promise<string> {
    const box = await this.scrubber.boundingBox();
    if (!box) throw new Error('The timeline scrubber is not drawn');
    await this.scrubber.click({ position: { x: box.width * share, y: box.height / 2 } });
    const valueText = (await this.scrubber.getAttribute('aria-valuetext')) ?? '';
    return valueText.split(' of ')[0];
  }

  /** Drags the timeline scrubber to a clock time (`'40:00'`) and waits until the clock shows it. */
  async seekTo(clock: string): Promise<void> {
    const [minutes, seconds] = clock.split(':').map(Number);
    await this.scrubber.fill(String((minutes * 60 + seconds) * 1000));
    await expect(this.clock).toHaveText(clock);
  }

  /** Clicks a chart's plot at `share` (0..1) of its time axis (it seeks to the nearest sample there). */
  async clickChartAt(name: string, share: number): Promise<void> {
    const plot = this.chart(name).getByRole('slider');
    const box = await plot.boundingBox();
    if (!box) throw new Error(`The chart ${name} is not drawn`);
    // The plot starts after the value axis (42 px) and ends 10 px before the right edge (chartFormat.ts MARGIN).
    await plot.click({ position: { x: 42 + (box.width - 42 - 10) * share, y: 60 } });
  }

  /** One group of the limits panel (`'tables'`, `'staff'`, `'ingredients'`, `'stations'`, `'shelf'`, `'manager'`). */
  limitsGroup(kind: string): Locator {
    return this.limitsPanel.getByTestId(`limits-group-${kind}`);
  }

  /** Opens a limits group (its summary) unless it is open already. */
  async openLimits(kind: string): Promise<void> {
    const group = this.limitsGroup(kind);
    if ((await group.getAttribute('open')) === null) await group.locator('summary').first().click();
    await expect(group).toHaveAttribute('open', '');
  }

  /** The number field of one limit (`limitField('tables', 'small-max')`). */
  limitField(kind: string, field: string): Locator {
    return this.page.getByTestId(`limit-${kind}-${field}`);
  }

  /** The message shown beside a limit field when its value is refused. */
  limitError(kind: string, field: string): Locator {
    return this.page.getByTestId(`limit-error-${kind}-${field}`);
  }

  /** Opens the limit's group, types `value` into its number field and presses Enter, as a learner would. */
  async setLimit(kind: string, field: string, value: string | number): Promise<void> {
    await this.openLimits(kind);
    const input = this.limitField(kind, field);
    await input.fill(String(value));
    await input.press('Enter');
  }

  /** Presses Tab until `target` has the focus (at most `maxPresses` times); fails if it never does. */
  async tabTo(target: Locator, maxPresses = 80): Promise<number> {
    for (let presses = 1; presses <= maxPresses; presses++) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return presses;
    }
    throw new Error(`Tab never reached ${target} in ${maxPresses} presses`);
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
