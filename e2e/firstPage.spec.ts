import { expect, test } from './fixtures.ts';

test.describe('the first page', () => {
  test('stepping through a paused dinner service moves the clock and narrates each event', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1');

    await expect(restaurant.heading).toHaveText('Back of House');
    await expect(restaurant.scenarioPicker).toHaveValue('dinner-service');
    await expect(restaurant.playButton).toBeVisible();
    await expect(restaurant.clock).toHaveText('00:00');
    await expect(restaurant.eventLog).toHaveAttribute('aria-live', 'polite');
    await expect(restaurant.gauge('Tables · connection pool')).toBeVisible();
    await expect(restaurant.gauge('Staff · thread pool')).toBeVisible();
    await expect(restaurant.gauge('Ingredients · file descriptors')).toBeVisible();

    // The first guests arrive some minutes in: one Step jumps the clock to them. Everything that happens at that
    // instant (seating, ordering, cooking, counter space, ingredients) comes with it, so the arrival itself may
    // already have scrolled past the 15 lines the feed keeps.
    await restaurant.step();
    await expect(restaurant.clock).not.toHaveText('00:00');
    await expect(restaurant.eventLog).toContainText(/Party \d+ \(\d+ guests?\) (arrived at the host stand|ordered: ticket \d+)\./);
    await expect(restaurant.gauge('Tables · connection pool')).toContainText(/1\s+seated · in use/);

    // Each Step narrates something new; a few Steps move the clock on.
    const clockAfterFirstStep = (await restaurant.clock.textContent()) ?? '';
    for (let i = 0; i < 3; i++) {
      const latestBefore = (await restaurant.latestEvent().textContent()) ?? '';
      await restaurant.step();
      await expect(restaurant.latestEvent()).not.toHaveText(latestBefore);
    }
    await expect(restaurant.clock).not.toHaveText(clockAfterFirstStep);
    await expect(restaurant.eventLog.getByRole('listitem')).toHaveCount(15);
    // Stepping never starts the ticker.
    await expect(restaurant.playButton).toBeVisible();
    await expect(page).toHaveURL(/scenario=dinner-service/);
  });

  test('Play runs virtual time on the real-time ticker, and Pause holds it', async ({ restaurant, page }) => {
    // Real time is faked from here on, and stands still except when the test moves it.
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));
    await expect(restaurant.clock).toHaveText('00:00');

    await restaurant.play();
    // 16x: two real seconds are about half a simulated minute.
    await page.clock.runFor(2_000);
    await expect(restaurant.clock).toHaveText(/^00:3[0-2]$/);

    await restaurant.speed.fill('6'); // the last notch: 64x
    await expect(page.getByText('64×')).toBeVisible();
    await page.clock.runFor(5_000);
    await expect(restaurant.clock).toHaveText(/^05:5\d$/); // + 5 s x 64 = 5 min 20 s

    await restaurant.pause();
    const held = (await restaurant.clock.textContent()) ?? '';
    await page.clock.runFor(5_000);
    await expect(restaurant.clock).toHaveText(held);
  });

  test('Step back undoes each Step exactly, and the keyboard plays, pauses and steps', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));
    await expect(page.getByText('Keyboard: Space play/pause · → step · ← step back')).toBeVisible();
    await expect(restaurant.stepBackButton).toBeDisabled();

    await restaurant.step();
    await expect(restaurant.stepBackButton).toBeEnabled();
    const clock = (await restaurant.clock.textContent()) ?? '';
    const latest = (await restaurant.latestEvent().textContent()) ?? '';
    const count = (await restaurant.eventCount.textContent()) ?? '';

    const steps = 6;
    for (let i = 0; i < steps; i++) await restaurant.step();
    await expect(restaurant.clock).not.toHaveText(clock);
    await expect(restaurant.latestEvent()).not.toHaveText(latest);
    for (let i = 0; i < steps; i++) await restaurant.stepBack();
    await expect(restaurant.clock).toHaveText(clock);
    await expect(restaurant.latestEvent()).toHaveText(latest);
    await expect(restaurant.eventCount).toHaveText(count);

    // → and ← do the same from the keyboard.
    await restaurant.pressKey('ArrowRight');
    await expect(restaurant.eventCount).not.toHaveText(count);
    await restaurant.pressKey('ArrowLeft');
    await expect(restaurant.eventCount).toHaveText(count);
    await expect(restaurant.latestEvent()).toHaveText(latest);

    // Space plays (the clock runs on real time) and pauses (it holds).
    await restaurant.pressKey('Space');
    await expect(restaurant.pauseButton).toBeVisible();
    await page.clock.runFor(2_000);
    await expect(restaurant.clock).not.toHaveText(clock);
    await restaurant.pressKey('Space');
    await expect(restaurant.playButton).toBeVisible();
    const held = (await restaurant.clock.textContent()) ?? '';
    await page.clock.runFor(2_000);
    await expect(restaurant.clock).toHaveText(held);
  });

  test('the last speed notch runs as fast as the frames allow', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));

    await restaurant.setSpeedNotch(7);
    await expect(restaurant.speed).toHaveAttribute('aria-valuetext', 'as fast as possible');
    await restaurant.play();
    // A simulated minute per frame: the hour is over within a couple of real seconds.
    await page.clock.runFor(2_000);
    await expect(restaurant.clock).toHaveText('60:00');
    await expect(page.getByText('The service is over.')).toBeVisible();
    await expect(restaurant.playButton).toBeDisabled();
    await expect(restaurant.stepBackButton).toBeEnabled();
  });

  test('a malformed link still opens the restaurant and says what it ignored', async ({ restaurant }) => {
    await restaurant.open('?seed=banana&scenario=nope');

    await expect(restaurant.heading).toHaveText('Back of House');
    await expect(restaurant.notices.filter({ hasText: '“nope”' })).toBeVisible();
    await expect(restaurant.notices.filter({ hasText: '“banana”' })).toBeVisible();
    await expect(restaurant.scenarioPicker).toHaveValue('dinner-service');
    await expect(restaurant.clock).toBeVisible();
    await expect(restaurant.gauge('Tables · connection pool')).toBeVisible();

    await restaurant.notices.filter({ hasText: '“nope”' }).getByRole('button', { name: 'Dismiss this notice' }).click();
    await expect(restaurant.notices.filter({ hasText: '“nope”' })).toHaveCount(0);
  });

  test('a dinner service fills the kitchen stations and the warming shelf, and narrates both', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=dinner-service&seed=42&paused=1');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));

    const stations = restaurant.gauge('Kitchen stations · memory');
    const shelf = restaurant.gauge('Warming shelf · cache');
    await expect(stations).toBeVisible();
    await expect(shelf).toBeVisible();
    // Before service: nothing taken, nothing on the shelf, no hit ratio yet.
    await expect(restaurant.gaugeBar('Kitchen stations · memory', 'Counter space')).toHaveAccessibleName(
      'Counter space · memory: 0 B at counters and stations · pool blocks, 0 B in the banquet area · heap blocks; 0 B of 40 KiB allowed · memory limit; 32 KiB deep-clean line · GC threshold',
    );
    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Served from the shelf')).toHaveAccessibleName(/: 0% served warm · hits;/);

    // About half an hour of service at the last notch (a virtual minute per frame): 30 frames.
    await restaurant.setSpeedNotch(7);
    await restaurant.play();
    await page.clock.runFor(480);
    await restaurant.pause();
    await expect(restaurant.clock).toHaveText(/^(29|30):\d\d$/);

    await expect(restaurant.gaugeBar('Kitchen stations · memory', 'Counter space')).toHaveAccessibleName(
      /^Counter space · memory: .+; [1-9][\d.]* KiB of 40 KiB allowed · memory limit;/,
    );
    await expect(restaurant.gaugeBar('Kitchen stations · memory', 'Prep counters')).toHaveAccessibleName(/; of 16, 64 B each · block size$/);
    await expect(restaurant.gaugeBar('Kitchen stations · memory', 'Cooking stations')).toHaveAccessibleName(
      /^Cooking stations · medium pool: [1-9]\d* taken · allocated blocks, \d+ free · free blocks; of 8, 1 KiB each · block size$/,
    );
    await expect(restaurant.gaugeBar('Kitchen stations · memory', 'Banquet area')).toHaveAccessibleName(
      /^Banquet area · heap: [\d.]+ K?i?B taken · allocated, .+; of 32 KiB in all · heap size; \d+ free stretch(es)? · free-list chunks?; \d+% of the free space is scattered · external fragmentation$/,
    );
    await expect(stations).toContainText(/[1-9]\d*\s*taken · allocated blocks/);
    await expect(stations).toContainText(/of the free space is scattered · external fragmentation/);

    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Dishes on the shelf')).toHaveAccessibleName(
      /^Dishes on the shelf · entries: [1-9]\d* dish(es)? · entries; of 10 dishes at most · max entries$/,
    );
    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Shelf space')).toHaveAccessibleName(/: [1-9][\d.]* KiB kept warm · bytes used; of 12 KiB at most · max size$/);
    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Served from the shelf')).toHaveAccessibleName(
      /^Served from the shelf · hit ratio: [1-9]\d*% served warm · hits; of orders so far · lookups$/,
    );
    await expect(shelf).toContainText(/[1-9]\d*%\s*served warm · hits/);

    // The feed tells the same story in restaurant words, with the real event beside each line.
    const shelfLine = restaurant.eventLog.getByRole('listitem').filter({ hasText: /on the warming shelf/ }).first();
    await restaurant.stepUntilVisible(shelfLine);
    await expect(shelfLine).toContainText(/cache\.(hit|miss|stored|evicted)/);
    const stationLine = restaurant.eventLog.getByRole('listitem').filter({ hasText: /(prep counter|cooking station|banquet area)/ }).first();
    await restaurant.stepUntilVisible(stationLine);
    await expect(stationLine).toContainText(/(pool|heap)\.\w+/);
  });

  test('an endless shelf grows until the kitchen runs out of counter space', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open('?scenario=unbounded-shelf&paused=1');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));
    await expect(restaurant.scenarioPicker.locator('option:checked')).toHaveText('Endless shelf · unbounded');

    // The whole hour at the last notch (a virtual minute per frame); the ticker stops by itself at the end.
    await restaurant.setSpeedNotch(7);
    await restaurant.play();
    await page.clock.runFor(2_000);
    await expect(restaurant.clock).toHaveText('60:00');
    await expect(page.getByText('The service is over.')).toBeVisible();
    await expect(restaurant.playButton).toBeDisabled();

    const memory = restaurant.gaugeBar('Kitchen stations · memory', 'Counter space');
    await expect(memory).toHaveAccessibleName(/; 4[4-8](\.\d)? KiB of 48 KiB allowed · memory limit$/);
    await expect(restaurant.gauge('Kitchen stations · memory')).toContainText(/4[4-8](\.\d)? KiB of 48 KiB allowed · memory limit/);
    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Dishes on the shelf')).toHaveAccessibleName(/: [1-9]\d* dishes · entries; no limit: every dish stays$/);
    await expect(restaurant.gaugeBar('Warming shelf · cache', 'Shelf space')).toHaveAccessibleName(
      /; no limit of its own; the kitchen's 48 KiB memory limit stops it$/,
    );
    await expect(restaurant.eventLog).toContainText(/No more counter space for ticket \d+: .+ more would pass the limit \(.+ of 48 KiB used\)\./);
  });

  test('picking another scenario shows only its kinds and updates the link', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&paused=1');
    await restaurant.scenarioPicker.selectOption('staff');

    await expect(restaurant.gauge('Staff · thread pool')).toBeVisible();
    await expect(restaurant.gauge('Tables · connection pool')).toHaveCount(0);
    await expect(restaurant.clock).toHaveText('00:00');
    await expect(page).toHaveURL(/scenario=staff/);
  });

  test('"Skip to the first guests" moves the clock forward to their arrival, never back', async ({ restaurant, page }) => {
    // Half a minute in, the tables are set (their facts are at 00:00-00:09) and the first party comes at 03:59.
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30000');
    await expect(restaurant.clock).toHaveText('00:30');
    const hint = page.getByTestId('first-guest-hint');
    await expect(hint).toContainText('the first guests arrive at 03:59.');
    // Said in the timeline's room for its marks: the restaurant below does not move when it goes.
    const diningTop = async () => (await page.getByTestId('dining-room').boundingBox())?.y;
    const before = await diningTop();
    await hint.getByRole('button', { name: 'Skip to the first guests' }).click();
    await expect(restaurant.clock).toHaveText('03:59');
    await expect(hint).toBeHidden();
    expect(await diningTop()).toBe(before);
    // Everything of that instant comes with it (the arrival may have scrolled past the lines the log keeps).
    await expect(restaurant.eventLog).toContainText(/Party 1 \(\d+ guests?\) (arrived at the host stand|ordered: ticket \d+)\./);
  });
});
