import { expect, test } from './fixtures.ts';

/**
 * Half an hour into the dinner service with seed 7, every area draws the same restaurant every time. The exact
 * values below were read off the page once; the simulation is deterministic, so any change means the page
 * no longer draws the simulation's state (or the simulation changed, and these need reading again).
 */
test.describe('half an hour into the dinner service (seed 7)', () => {
  test.beforeEach(async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=30:00');
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(restaurant.eventCount).toHaveText('672 events so far');
  });

  test('the dining room seats a party at every table and nobody waits at the host stand', async ({ restaurant }) => {
    await expect(restaurant.diningRoom).toBeVisible();
    expect(await restaurant.tableStates()).toEqual([
      'table-1:occupied', 'table-2:occupied', 'table-3:occupied', 'table-4:occupied', 'table-8:occupied', 'table-9:occupied',
      'table-10:occupied', 'table-12:occupied', 'table-13:occupied', 'table-15:occupied', 'table-18:occupied', 'table-19:occupied',
      'table-6:occupied', 'table-7:occupied', 'table-11:occupied', 'table-14:occupied', 'table-16:occupied', 'table-17:occupied',
    ]);
    await expect(restaurant.table(1)).toHaveAccessibleName('Table 1, small (4 seats), seated: party 4 (2 guests)');
    await expect(restaurant.table(11)).toHaveAccessibleName('Table 11, medium (8 seats), seated: party 10 (6 guests)');
    await expect(restaurant.hostStand).toHaveAttribute('data-waiting', '0');
    await expect(restaurant.hostStand).toContainText('nobody waiting');
    // One medium table has been taken away (max lifetime) by now.
    await expect(restaurant.retiredTray).toHaveAttribute('data-count', '1');
    // The gauge below tells the same story.
    await expect(restaurant.gauge('Tables · connection pool')).toContainText(/18\s+seated · in use/);
  });

  test('the staff room has three cooks at work and three tickets on the rail', async ({ restaurant }) => {
    await expect(restaurant.staffRoom).toBeVisible();
    await expect(restaurant.cooks).toHaveCount(3);
    for (const [id, ticket] of [[1, 13], [2, 11], [3, 14]]) {
      await expect(restaurant.cook(id)).toHaveAttribute('data-state', 'busy');
      await expect(restaurant.cook(id)).toHaveAccessibleName(`Cook ${id}, on shift, cooking ticket ${ticket}`);
    }
    await expect(restaurant.ticketRail).toHaveAttribute('data-queued', '3');
    await expect(restaurant.ticketRail).toHaveAttribute('data-capacity', '8');
    await expect(restaurant.ticketRail).toHaveAttribute('data-full', 'false');
    await expect(restaurant.ticketRail).toContainText('3 of 8');
    await expect(restaurant.gauge('Staff · thread pool')).toContainText(/3\s+tickets on the rail · queued tasks/);
  });

  test('the kitchen stations show both pools, the banquet area strip and the memory in use', async ({ restaurant }) => {
    await expect(restaurant.stations).toBeVisible();
    await expect(restaurant.pool('small')).toContainText('0 of 16 taken');
    await expect(restaurant.pool('medium')).toContainText('8 of 8 taken');
    await expect(restaurant.memoryUse).toContainText('9.8 KiB of 40 KiB allowed · memory limit (24%)');
    await expect(restaurant.memoryUse).toContainText('8 KiB at counters and stations');
    await expect(restaurant.memoryUse).toContainText('1.8 KiB in the banquet area');
    await expect(restaurant.heapStrip).toHaveAccessibleName('Banquet area: address strip from 1000, 32 KiB');
    // The strip draws the blocks in use and the free stretch after them.
    await expect(restaurant.heapStrip.locator('[data-testid^="heap-block-"]')).toHaveCount(2);
    await expect(restaurant.heapStrip.getByTestId('heap-block-23')).toHaveAccessibleName(/at address 2688, holding 128 bytes .* for ticket 13 .*heap fallback/);
    await expect(restaurant.heapStrip.getByTestId('free-chunk-2824')).toBeVisible();
  });

  test('the pantry reserves the house’s three slots and hands out the lowest free ones', async ({ restaurant }) => {
    await expect(restaurant.pantry).toBeVisible();
    // As many slots as the soft limit (24): 0-2 the house's, 3-11 out for tickets, the rest free.
    const expected = Array.from({ length: 24 }, (_, n) => `fd-${n}:${n < 3 ? 'reserved' : n < 12 ? 'open' : 'free'}`);
    expect(await restaurant.statesOf(restaurant.pantrySlots)).toEqual(expected);
    await expect(restaurant.fd(0)).toHaveAccessibleName('Pantry slot 0, stdin: the house’s (reserved)');
    await expect(restaurant.fd(9)).toHaveAccessibleName('Pantry slot 9, T14: taken by ticket 14 for 24.4 s');
    await expect(restaurant.gauge('Ingredients · file descriptors')).toContainText(/12\s+out of the pantry · open fds/);
  });

  test('the warming shelf holds eight dishes, freshest first, and half the orders were served warm', async ({ restaurant }) => {
    await expect(restaurant.shelf).toBeVisible();
    await expect(restaurant.hitRatio).toContainText('48%');
    await expect(restaurant.shelfEntries).toContainText('8 of 10');
    const dishes = await restaurant.shelfDishes.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(dishes).toEqual(['dish 5', 'dish 7', 'dish 15', 'dish 3', 'dish 2', 'dish 9', 'dish 1', 'dish 8'].map((d) => `shelf-dish-${d}`));
    await expect(restaurant.gauge('Warming shelf · cache')).toContainText(/48%\s*served warm · hits/);
    // Room for the two dishes more it may hold, drawn as free places.
    await expect(restaurant.shelf.locator('li.free')).toHaveCount(2);
  });
});

test.describe('the warming shelf holds still as it fills (seed 7)', () => {
  test('empty, it shows its ten free places; the list keeps one height from the start to half past', async ({ restaurant, page }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=0');
    await restaurant.shelf.scrollIntoViewIfNeeded();
    await expect(restaurant.shelf.getByText('The shelf is empty.')).toBeVisible();
    await expect(restaurant.shelf.locator('li.free')).toHaveCount(10);
    const list = restaurant.shelf.locator('.dishes');
    const emptyHeight = (await list.boundingBox())?.height;
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=1800000');
    await restaurant.shelf.scrollIntoViewIfNeeded();
    await expect(restaurant.shelfDishes).toHaveCount(8);
    expect((await list.boundingBox())?.height).toBe(emptyHeight);
    await expect(page.getByText('room for another dish')).toBeVisible();
  });
});

test.describe('the dining room holds still as the night goes on (seed 7)', () => {
  test('its bands keep room for each class’s most tables, and the host stand shows the line on one row', async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=0');
    // 4 of 12 small, 2 of 6 medium, 0 of 2 large tables set up: the other 14 are drawn as room kept for them.
    await expect(restaurant.diningRoom.locator('rect.spare')).toHaveCount(14);
    await expect(restaurant.hostStand).toContainText('A party waits here when every table that fits it is taken.');
    // Where the floor sits in the room, and how big it is (the page above the room differs: the start has a hint).
    const floorPlace = () =>
      restaurant.diningRoom.evaluate((room) => {
        const floor = room.querySelector('.floor')!.getBoundingClientRect();
        return { top: floor.top - room.getBoundingClientRect().top, width: floor.width, height: floor.height };
      });
    const atStart = await floorPlace();

    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=54:00');
    await expect(restaurant.hostStand).toHaveAttribute('data-waiting', '5');
    await expect(restaurant.diningRoom.locator('rect.spare')).toHaveCount(0);
    // Five parties wait; at 1280 px the row has room for two cards beside the count of the rest.
    const cards = restaurant.hostStand.locator('li.party');
    await expect(cards).toHaveCount(2);
    await expect(cards.first()).toHaveAccessibleName(/^1\. Party 31 \(4 guests\), waiting 6\.5 min, gives up in /);
    await expect(restaurant.hostStand.locator('li.more')).toHaveText('+ 3 more');
    // Same floor, same place: neither the line nor the tables set up since moved it.
    expect(await floorPlace()).toEqual(atStart);
  });
});

test.describe('the staff room holds still when an order is refused (staff, seed 7)', () => {
  test('the cooks stay where they were when the full rail refuses an order, and the rail keeps one heading line', async ({ restaurant }) => {
    await restaurant.open('?scenario=staff&seed=7&paused=1&t=1440000');
    await expect(restaurant.staffRoom.getByText('6 of 6 · full')).toBeVisible();
    await expect(restaurant.staffRoom.getByTestId('rejection-note')).toHaveCount(0);
    const crewAt = async () => (await restaurant.staffRoom.locator('.crew').boundingBox())?.y;
    const before = await crewAt();
    await restaurant.open('?scenario=staff&seed=7&paused=1&t=1560000');
    await expect(restaurant.staffRoom.getByTestId('rejection-note')).toContainText('Order refused: ticket 25');
    expect(await crewAt()).toBe(before);
  });
});
