import { defineConfig, devices } from '@playwright/test';
import { chromiumPathOrThrow } from './e2e/support/browserPath.mjs';

const isCI = Boolean(process.env.CI);
const PORT = 4173;

/**
 * E2E tests run against the production build (`vite build && vite preview`), in Chromium only.
 * The browser is resolved by e2e/support/browserPath.mjs: a Playwright-managed Chromium if installed,
 * else $CHROMIUM_PATH, else Debian's /usr/bin/chromium; with none, loading this config fails and says what to install.
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  // A whole simulated hour played through the page takes about 20 s of real time; a loaded 2-core machine
  // can double that. Assertions still wait only as long as they need.
  timeout: 90_000,
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        headless: true,
        launchOptions: {
          executablePath: chromiumPathOrThrow(),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            // Without these, Chromium keeps trying to reach Google services and floods a closed network.
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build && npm run preview',
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !isCI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
