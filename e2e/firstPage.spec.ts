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

    // The first guests arrive some minutes in: one Step jumps the clock to them.
    await restaurant.step();
    await expect(restaurant.clock).not.toHaveText('00:00');
    await expect(restaurant.eventLog).toContainText(/Party \d+ \(\d+ guests?\) arrived at the host stand\./);
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

  test('picking another scenario shows only its kinds and updates the link', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&paused=1');
    await restaurant.scenarioPicker.selectOption('staff');

    await expect(restaurant.gauge('Staff · thread pool')).toBeVisible();
    await expect(restaurant.gauge('Tables · connection pool')).toHaveCount(0);
    await expect(restaurant.clock).toHaveText('00:00');
    await expect(page).toHaveURL(/scenario=staff/);
  });
});
