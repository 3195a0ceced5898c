import { expect, test } from './fixtures.ts';

const HALF_HOUR = '?scenario=dinner-service&seed=7&paused=1&t=30:00';

test.describe('moving through the dinner service', () => {
  test('Play runs on from half past, Pause holds, and Step and Step back move one event with the log and tables', async ({ restaurant, page }) => {
    const start = new Date('2025-03-01T18:00:00Z');
    await page.clock.install({ time: start });
    await restaurant.open(HALF_HOUR);
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(restaurant.eventCount).toHaveText('672 events so far');
    const tablesAtHalfPast = await restaurant.tableStates();
    const latestAtHalfPast = (await restaurant.latestEvent().textContent()) ?? '';

    // Step: the next event, narrated at the top of the log; the clock never goes back.
    await restaurant.step();
    await expect(restaurant.eventCount).toHaveText('674 events so far');
    await expect(restaurant.latestEvent()).not.toHaveText(latestAtHalfPast);
    await expect(restaurant.clock).toHaveText('31:13');

    // Step back: exactly where we were, the dining room included.
    await restaurant.stepBack();
    await expect(restaurant.eventCount).toHaveText('672 events so far');
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(restaurant.latestEvent()).toHaveText(latestAtHalfPast);
    expect(await restaurant.tableStates()).toEqual(tablesAtHalfPast);

    // Play at 64x: 1.5 real seconds are 96 virtual ones; the log grows as the 31:13 orders come in.
    await restaurant.setSpeedNotch(6);
    await restaurant.play();
    await page.clock.runFor(1_500);
    await expect(restaurant.clock).toHaveText(/^31:3\d$/);
    await restaurant.pause();
    const held = (await restaurant.clock.textContent()) ?? '';
    const heldCount = await restaurant.eventsSoFar();
    expect(heldCount).toBeGreaterThan(672);
    await page.clock.runFor(1_500);
    await expect(restaurant.clock).toHaveText(held);
    expect(await restaurant.eventsSoFar()).toBe(heldCount);
  });

  test('clicking the timeline goes back to that moment: the clock, the log and the restaurant follow', async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=45:00');
    await expect(restaurant.clock).toHaveText('45:00');
    const countAt45 = await restaurant.eventsSoFar();

    // Half way along the track is 30:00, which looks just as a link to 30:00 does.
    const shown = await restaurant.clickScrubberAt(0.5);
    expect(shown).toBe('30:00');
    await expect(restaurant.clock).toHaveText('30:00');
    await expect(restaurant.scrubber).toHaveAttribute('aria-valuetext', '30:00 of 60:00');
    await expect(restaurant.eventCount).toHaveText('672 events so far');
    expect(countAt45).toBeGreaterThan(672);
    await expect(restaurant.latestEvent()).toContainText('29:38');
    await expect(restaurant.latestEvent()).toContainText('Dish 5 was already on the warming shelf (hit).');
    await expect(restaurant.ticketRail).toHaveAttribute('data-queued', '3');

    // A quarter of the way: earlier still.
    expect(await restaurant.clickScrubberAt(0.25)).toMatch(/^1[45]:\d\d$/);
    await expect(restaurant.clock).toHaveText(/^1[45]:\d\d$/);
    expect(await restaurant.eventsSoFar()).toBeLessThan(672);
    await expect(restaurant.page).toHaveURL(/[?&]t=1[45]%3A\d\d(&|$)/);
  });

  test('a marker on the timeline takes the learner to the moment a party gave up waiting', async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=60:00');
    // Seed 7: two parties time out and two tables leak in the hour.
    await expect(restaurant.timelineMarkers).toHaveCount(4);
    const first = restaurant.timelineMarkers.first();
    await expect(first).toHaveAttribute('data-kind', 'timeout');
    await expect(first).toHaveAttribute('data-event-index', '970');
    await expect(first).toHaveAccessibleName(/gave up waiting \(acquire timeout\) at 49:36/);

    await first.click();
    await expect(restaurant.clock).toHaveText('49:36');
    await expect(restaurant.eventCount).toHaveText('971 events so far');
    await expect(restaurant.latestEvent()).toContainText('Party 27 (10 guests) gave up waiting and left.');
    await expect(restaurant.eventLog.getByRole('listitem').nth(1)).toContainText('gave up after waiting 8 min (the limit is 8 min)');
    // The markers show what has happened so far: only that one now.
    await expect(restaurant.timelineMarkers).toHaveCount(1);
  });

  test('clicking in the utilisation chart goes to that minute', async ({ restaurant }) => {
    await restaurant.open(HALF_HOUR);
    await restaurant.clickChartAt('utilisation', 0.25);
    await expect(restaurant.clock).toHaveText('15:00');
    await expect(restaurant.eventCount).toHaveText('286 events so far');
    await expect(restaurant.latestEvent()).toContainText('15:00');

    // Forward too: three quarters along is 45:00.
    await restaurant.clickChartAt('utilisation', 0.75);
    await expect(restaurant.clock).toHaveText('45:00');
    expect(await restaurant.eventsSoFar()).toBeGreaterThan(672);
  });

  test('after a click in a chart, its readout shows the moment clicked, not the time before the seek', async ({ restaurant }) => {
    await restaurant.open(HALF_HOUR);
    await restaurant.clickChartAt('utilisation', 0.25);
    await expect(restaurant.clock).toHaveText('15:00');
    await expect(restaurant.chart('utilisation').locator('figcaption')).toContainText('At 15:00');
  });

  test('clicking the time of a line of the event log goes to that moment', async ({ restaurant }) => {
    await restaurant.open('?scenario=dinner-service&seed=7&paused=1&t=45:00');
    await restaurant.seekTo('30:00');
    const line = restaurant.eventLog.getByRole('listitem').filter({ hasText: 'Party 19 (2 guests) seated at table 19' });
    await line.getByRole('button').click();
    await expect(restaurant.clock).toHaveText('29:38');
  });
});
