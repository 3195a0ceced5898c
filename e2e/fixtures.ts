import { test as base, expect } from '@playwright/test';
import { RestaurantPage } from './restaurant.page.ts';

interface Fixtures {
  restaurant: RestaurantPage;
  /**
   * Every uncaught exception and `console.error` of the page during the test. Collected for every test
   * (auto); the test fails at the end if any arrived. A test that expects one may empty the array.
   */
  browserErrors: string[];
}

/** `test` with a `restaurant` page object; import `test` and `expect` from here in every spec. */
export const test = base.extend<Fixtures>({
  browserErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      await use(errors);
      expect(errors, `the page logged errors:\n${errors.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],
  restaurant: async ({ page }, use) => {
    await use(new RestaurantPage(page));
  },
});

export { expect };
