import { test as base } from '@playwright/test';
import { RestaurantPage } from './restaurant.page.ts';

/** `test` with a `restaurant` page object; import `test` and `expect` from here in every spec. */
export const test = base.extend<{ restaurant: RestaurantPage }>({
  restaurant: async ({ page }, use) => {
    await use(new RestaurantPage(page));
  },
});

export { expect } from '@playwright/test';
