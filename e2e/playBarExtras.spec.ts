import { expect, test } from './fixtures.ts';

/** The seed field and the latest-event line of the play bar, and the words of the lifecycle chart. */
test.describe('the play bar’s seed field and latest event', () => {
  test('a new seed typed in the field restarts the service on it, goes into the link, and survives a reload', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    const seed = page.getByRole('textbox', { name: /Seed/ });
    await expect(seed).toHaveValue('7');
    await expect(restaurant.eventCount).toHaveText('672 events so far');

    // Reached with the keyboard alone.
    await restaurant.heading.click();
    await restaurant.tabTo(seed);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');

    await expect(restaurant.clock).toHaveText('00:00');
    await expect(seed).toHaveValue('8');
    await expect(page).toHaveURL(/[?&]seed=8(&|$)/);
    await restaurant.seekTo('30:00');
    const countOnSeed8 = await restaurant.eventsSoFar();
    expect(countOnSeed8).not.toBe(672);

    await page.reload();
    await expect(page.locator('body.started')).toBeAttached();
    await expect(seed).toHaveValue('8');
    await expect(restaurant.clock).toHaveText('30:00');
    expect(await restaurant.eventsSoFar()).toBe(countOnSeed8);
  });

  test('a value that is not a seed is refused beside the field and nothing restarts', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    const seed = page.getByRole('textbox', { name: /Seed/ });
    const error = page.getByTestId('seed-error');
    for (const [typed, message] of [
      ['-1', 'A seed cannot be negative: use a whole number from 0 to 4,294,967,295.'],
      ['2.5', 'A seed is a whole number, not “2.5”.'],
      ['seven', '“seven” is not a whole number: use a whole number from 0 to 4,294,967,295.'],
      ['4294967296', '4,294,967,295 is the largest seed.'],
    ]) {
      await seed.fill(typed);
      await seed.press('Enter');
      await expect(error).toHaveText(message);
      await expect(seed).toHaveAttribute('aria-invalid', 'true');
      await expect(seed).toHaveAttribute('aria-describedby', new RegExp(`${await error.getAttribute('id')}`));
    }
    // Beside the field, and nothing changed.
    const [fieldBox, errorBox] = [await seed.boundingBox(), await error.boundingBox()];
    expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(40);
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(page).toHaveURL(/[?&]seed=7(&|$)/);
    // Escape puts the seed in force back.
    await seed.press('Escape');
    await expect(seed).toHaveValue('7');
    await expect(error).toHaveCount(0);
  });

  test('the newest event is one line under the play bar, in view, and said once to screen readers (by the log)', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    const latest = page.getByTestId('latest-event');
    await expect(latest).toContainText('29:38');
    await expect(page.getByTestId('latest-event-sentence')).toHaveText('Dish 5 was already on the warming shelf (hit).');
    await expect(latest).toContainText('cache.hit');
    await expect(restaurant.latestEvent()).toContainText('Dish 5 was already on the warming shelf (hit).');
    const box = await latest.boundingBox();
    expect(box!.y + box!.height).toBeLessThan(800);
    // Not a live region itself, nor inside one: the event log announces.
    expect(await latest.evaluate((el) => el.closest('[aria-live]') === null)).toBe(true);

    await restaurant.step();
    await expect(page.getByTestId('latest-event-sentence')).toHaveText((await restaurant.latestEvent().locator('.sentence').textContent()) ?? '');

    // Its button takes the learner to the whole log.
    await latest.getByRole('button', { name: /^All \d+ events/ }).click();
    await expect(page.locator('#feed-heading')).toBeFocused();
    await expect(restaurant.eventLog).toBeInViewport();
  });

  test('the lifecycle chart labels its arrows in plain words, with each event’s name in the list under it', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    await restaurant.table(1).click();
    const dialog = restaurant.lifecycleDialog;
    await expect(dialog).toBeVisible();
    const labels = dialog.locator('svg .edge text');
    // The words drawn (each label's own text, without its tooltip).
    const drawn = await labels.evaluateAll((els) => els.map((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim()));
    expect(drawn).toContain('the party leaves');
    expect(drawn).toContain('a party sits');
    expect(drawn.filter((words) => words.startsWith('table.'))).toEqual([]);
    await expect(labels.locator('title').filter({ hasText: /^the party leaves · table\.release: / })).toHaveCount(1);
    await expect(dialog.getByRole('row', { name: /the party leaves · released table\.release/ })).toHaveCount(1);
    // No two labels drawn on top of each other.
    const boxes = await labels.evaluateAll((els) => els.map((el) => (el as SVGGraphicsElement).getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
        expect(overlap, `labels ${i} and ${j} overlap`).toBe(false);
      }
    }
  });
});
