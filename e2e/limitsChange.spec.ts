import { expect, test } from './fixtures.ts';

/**
 * Every kind of limit, changed half an hour into the dinner service (seed 7), changes what the restaurant
 * shows. The values are deterministic; the "before" values are those of restaurantAreas.spec.ts.
 */
test.describe('changing the limits half an hour into the dinner service', () => {
  test.beforeEach(async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    await expect(restaurant.clock).toHaveText('30:00');
  });

  test('fewer small tables: tables are taken away as they free up and parties queue at the host stand', async ({ restaurant, page }) => {
    await expect(restaurant.limitField('tables', 'small-max')).toHaveValue('12');
    await restaurant.setLimit('tables', 'small-max', 4);
    await expect(restaurant.limitField('tables', 'small-max')).toHaveValue('4');
    await expect(restaurant.limitError('tables', 'small-max')).toHaveCount(0);
    await expect(restaurant.latestEvent()).toContainText('30:00');
    await expect(restaurant.latestEvent()).toContainText('limit.changed');
    await expect(page).toHaveURL(/[?&]cmds=/);

    // Ten minutes on. Without the change: 2 parties waiting, 1 table taken away, tables 1, 2 and 10 seated.
    await restaurant.seekTo('40:00');
    await expect(restaurant.hostStand).toHaveAttribute('data-waiting', '5');
    await expect(restaurant.retiredTray).toHaveAttribute('data-count', '4');
    for (const id of [1, 2, 10]) await expect(restaurant.table(id)).toHaveCount(0);
    await expect(restaurant.tables).toHaveCount(17);
  });

  test('a shorter ticket rail is full at once, and a larger crew limit shows on the staff room', async ({ restaurant }) => {
    await expect(restaurant.ticketRail).toHaveAttribute('data-capacity', '8');
    await restaurant.setLimit('staff', 'queueCapacity', 1);
    await expect(restaurant.ticketRail).toHaveAttribute('data-capacity', '1');
    await expect(restaurant.ticketRail).toHaveAttribute('data-full', 'true');
    await expect(restaurant.ticketRail).toContainText('3 of 1 · full');
    await expect(restaurant.latestEvent()).toContainText('House rules: Tickets the rail holds (queue capacity) changed from 8 to 1.');

    await expect(restaurant.staffRoom).toContainText('3 of 6 cooks at most');
    await restaurant.setLimit('staff', 'maxPoolSize', 10);
    await expect(restaurant.staffRoom).toContainText('3 of 10 cooks at most');
    await expect(restaurant.limitError('staff', 'maxPoolSize')).toHaveCount(0);
  });

  test('a lower soft limit draws fewer pantry slots', async ({ restaurant }) => {
    await expect(restaurant.pantrySlots).toHaveCount(24);
    await restaurant.setLimit('ingredients', 'softLimit', 16);
    await expect(restaurant.pantrySlots).toHaveCount(16);
    await expect(restaurant.fd(15)).toHaveAttribute('data-state', 'free');
    await expect(restaurant.fd(16)).toHaveCount(0);
    await expect(restaurant.pantry).toContainText('12 of 16 pantry slots taken');
    await expect(restaurant.latestEvent()).toContainText('The pantry now has 16 usable slots (at most 64).');
  });

  test('a lower memory limit shows the same counter space as a larger share', async ({ restaurant }) => {
    await expect(restaurant.memoryUse).toContainText('9.8 KiB of 40 KiB allowed · memory limit (24%)');
    await restaurant.setLimit('stations', 'memoryLimitBytes', 16); // in KiB, the field's unit
    await expect(restaurant.memoryUse).toContainText('9.8 KiB of 16 KiB allowed · memory limit (61%)');
    await expect(restaurant.limitError('stations', 'memoryLimitBytes')).toHaveCount(0);
  });

  test('a smaller warming shelf evicts the oldest dishes at once', async ({ restaurant }) => {
    await expect(restaurant.shelfDishes).toHaveCount(8);
    await restaurant.setLimit('shelf', 'maxEntries', 3);
    await expect(restaurant.shelfDishes).toHaveCount(3);
    // LRU: the three freshest stay, in the same order.
    const kept = await restaurant.shelfDishes.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(kept).toEqual(['shelf-dish-dish 5', 'shelf-dish-dish 7', 'shelf-dish-dish 15']);
    await expect(restaurant.shelfEntries).toContainText('3 of 3');
    await expect(restaurant.eventLog).toContainText('Dish 8 taken off the warming shelf to make room (LRU eviction).');
  });

  test('a value that is not a number is refused beside its field, and the restaurant keeps running', async ({ restaurant, page }) => {
    const field = restaurant.limitField('tables', 'small-max');
    await restaurant.setLimit('tables', 'small-max', 'abc');
    const error = restaurant.limitError('tables', 'small-max');
    await expect(error).toHaveText('“abc” is not a number.');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAttribute('aria-describedby', /limit-tables-small-max-error/);
    // Beside the field: in the same field block, just under it.
    const [fieldBox, errorBox] = [await field.boundingBox(), await error.boundingBox()];
    expect(errorBox!.y).toBeGreaterThan(fieldBox!.y);
    expect(errorBox!.y - (fieldBox!.y + fieldBox!.height)).toBeLessThan(60);
    // Nothing changed, and the page still steps.
    await expect(page).not.toHaveURL(/[?&]cmds=/);
    await expect(restaurant.tables).toHaveCount(18);
    await restaurant.step();
    await expect(restaurant.clock).toHaveText('31:13');

    // A correct value clears the message.
    await field.fill('10');
    await field.press('Enter');
    await expect(error).toHaveCount(0);
    await expect(field).toHaveValue('10');
  });

  test('a value beyond what the simulation allows is refused in plain words, naming the limit and its real term', async ({ restaurant }) => {
    await restaurant.setLimit('tables', 'small-max', 20000);
    await expect(restaurant.limitError('tables', 'small-max')).toHaveText('Small tables at most (small · max): 10,000 is the largest allowed, not 20,000.');
    await restaurant.setLimit('tables', 'small-min', 20);
    await expect(restaurant.limitError('tables', 'small-min')).toHaveText('Small tables kept set (small · min) cannot be more than Small tables at most (small · max).');
  });

  test('two setup groups waiting for a restart keep each other’s edits', async ({ restaurant, page }) => {
    const openSetup = async (kind: string) => {
      await restaurant.openLimits(kind);
      const setup = restaurant.limitsGroup(kind).locator('details.setup');
      if ((await setup.getAttribute('open')) === null) await setup.locator('summary').click();
      await expect(setup).toHaveAttribute('open', '');
    };
    await openSetup('ingredients');
    await restaurant.limitField('ingredients', 'reservedCount').fill('5');
    await openSetup('stations');
    await restaurant.limitField('stations', 'heap-heapSize').fill('16 KiB');

    // The kitchen stations restart first: the pantry's edit is still there, waiting.
    await page.getByTestId('limit-apply-stations').click();
    await expect(restaurant.clock).toHaveText('00:00');
    await expect(restaurant.limitField('stations', 'heap-heapSize')).toHaveValue('16');
    await expect(restaurant.limitField('ingredients', 'reservedCount')).toHaveValue('5');
    await expect(page.getByTestId('limit-apply-ingredients')).toBeEnabled();

    // Then the pantry: both changes are in the service now.
    await page.getByTestId('limit-apply-ingredients').click();
    await expect(page.getByTestId('limit-apply-ingredients')).toBeDisabled();
    await expect(restaurant.limitField('ingredients', 'reservedCount')).toHaveValue('5');
    await expect(restaurant.limitField('stations', 'heap-heapSize')).toHaveValue('16');
    await expect(page).toHaveURL(/[?&]setup=/);
    await page.reload();
    await expect(page.locator('body.started')).toBeAttached();
    await openSetup('ingredients');
    await openSetup('stations');
    await expect(restaurant.limitField('ingredients', 'reservedCount')).toHaveValue('5');
    await expect(restaurant.limitField('stations', 'heap-heapSize')).toHaveValue('16');
  });

  test('raising the hard limit is refused with EPERM, as the operating system would', async ({ restaurant }) => {
    await restaurant.setLimit('ingredients', 'hardLimit', 100);
    await expect(restaurant.limitError('ingredients', 'hardLimit')).toHaveText(
      'Pantry slots at most (hard limit) can only go down while the service runs: raising it needs privilege (EPERM).',
    );
    await expect(restaurant.latestEvent()).toContainText('refused (EPERM)');
    await expect(restaurant.pantry).toContainText('can be raised to 64 · hard limit');
    await expect(restaurant.pantrySlots).toHaveCount(24);
    // Lowering is allowed.
    await restaurant.setLimit('ingredients', 'hardLimit', 48);
    await expect(restaurant.limitError('ingredients', 'hardLimit')).toHaveCount(0);
    await expect(restaurant.pantry).toContainText('can be raised to 48 · hard limit');
  });
});
