import { expect, test } from './fixtures.ts';

const HALF_HOUR = '?scenario=dinner-service&seed=7&paused=1&t=30:00';

test.describe('words, theme and motion', () => {
  test('choosing “Systems” puts the real terms first in every area heading, and the choice is kept', async ({ restaurant, page }) => {
    await restaurant.open(HALF_HOUR);
    const areaHeading = (area: 'dining' | 'staff' | 'stations' | 'pantry' | 'shelf') => restaurant.areaHeading(area);
    await expect(areaHeading('dining')).toHaveText('Tables · connection pool');
    await expect(restaurant.hostStand).toContainText('Host stand');

    await restaurant.termsToggle.getByText('Systems').click();
    await expect(restaurant.termsToggle.getByRole('radio', { name: 'Systems' })).toBeChecked();
    await expect(areaHeading('dining')).toHaveText('Connection pool · tables');
    await expect(areaHeading('staff')).toHaveText('Thread pool · staff');
    await expect(areaHeading('stations')).toHaveText('Memory · kitchen stations');
    await expect(areaHeading('pantry')).toHaveText('File descriptors · ingredients');
    await expect(areaHeading('shelf')).toHaveText('Cache · warming shelf');
    await expect(restaurant.hostStand).toContainText('Pending acquires');
    await expect(restaurant.ticketRail).toContainText('Task queue');
    await expect(restaurant.limitsPanel.getByRole('heading', { level: 2 })).toHaveText('Limits · house rules');
    await expect(page.getByRole('heading', { name: 'Event log · what just happened' })).toBeVisible();

    // Remembered across a reload; and back.
    await page.reload();
    await expect(page.locator('body.started')).toBeAttached();
    await expect(areaHeading('dining')).toHaveText('Connection pool · tables');
    await restaurant.termsToggle.getByText('Restaurant').click();
    await expect(areaHeading('dining')).toHaveText('Tables · connection pool');
  });

  test('the charts panel heading switches to systems words too', async ({ restaurant, page }) => {
    await restaurant.open(HALF_HOUR);
    await restaurant.termsToggle.getByText('Systems').click();
    await expect(restaurant.areaHeading('charts')).not.toHaveText('Over the service · metrics over simulated time');
    await expect(restaurant.areaHeading('charts')).toHaveText(/^Metrics over simulated time · /);
  });

  test('choosing “Dark” darkens the page and the choice is kept', async ({ restaurant, page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await restaurant.open(HALF_HOUR);
    const html = page.locator('html');
    const textColour = () => page.evaluate(() => getComputedStyle(document.body).color);
    await expect(html).not.toHaveAttribute('data-theme', 'dark');
    const lightText = await textColour();

    await restaurant.themeToggle.getByText('Dark').click();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(restaurant.themeToggle.getByRole('radio', { name: 'Dark' })).toBeChecked();
    const darkText = await textColour();
    expect(darkText).not.toBe(lightText);

    await page.reload();
    await expect(page.locator('body.started')).toBeAttached();
    await expect(html).toHaveAttribute('data-theme', 'dark');

    await restaurant.themeToggle.getByText('Light').click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await textColour()).toBe(lightText);
  });

  test('with reduced motion asked for, nothing in the restaurant moves while it steps', async ({ restaurant, page }) => {
    // Counts every CSS transition and animation that starts, and every Web Animation (Svelte's transitions) longer than 0.
    await page.addInitScript(() => {
      const motion = { css: 0, scripted: 0 };
      (window as unknown as { motion: typeof motion }).motion = motion;
      document.addEventListener('transitionrun', () => motion.css++, true);
      document.addEventListener('animationstart', () => motion.css++, true);
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (keyframes, options) {
        const duration = typeof options === 'number' ? options : Number(options?.duration ?? 0);
        if (duration > 0) motion.scripted++;
        return animate.call(this, keyframes, options);
      };
    });
    const motion = () => page.evaluate(() => (window as unknown as { motion: { css: number; scripted: number } }).motion);
    const stepTimes = async (n: number) => {
      for (let i = 0; i < n; i++) await restaurant.step();
    };

    // Without the preference: tables glide, and stepping through the half hour sets things moving.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await restaurant.open(HALF_HOUR);
    const table = restaurant.table(1);
    expect(await table.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0.25s');
    await stepTimes(4);
    const moved = await motion();
    expect(moved.css + moved.scripted).toBeGreaterThan(0);

    // With it: the same steps, and nothing moves.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await restaurant.open(HALF_HOUR);
    expect(await table.evaluate((el) => getComputedStyle(el).transitionDuration)).toBe('0s');
    const dish = restaurant.shelfDishes.first();
    await expect(dish).toHaveClass(/\bhit\b/); // the dish just served warm would pulse
    expect(await dish.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    await stepTimes(4);
    expect(await motion()).toEqual({ css: 0, scripted: 0 });
  });
});
