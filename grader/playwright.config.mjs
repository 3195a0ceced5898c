// Playwright config for grading (not the e2e tests): one test per solution file, read from the run manifest
// that grade.mjs writes and names in $GRADER_RUN. Run through `npm run grade` (or the pack's grade.mjs), which
// prepares the manifest, serves the built app and merges the per-solution results afterwards.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPathOrThrow } from './browserPath.mjs';

const manifestPath = process.env.GRADER_RUN;
if (!manifestPath) {
  throw new Error('grader/playwright.config.mjs is run by the grader: use `npm run grade -- <files>` (or `node grade.mjs <files>` in a pack).');
}
const run = JSON.parse(readFileSync(manifestPath, 'utf8'));

export default defineConfig({
  testDir: dirname(fileURLToPath(import.meta.url)),
  testMatch: 'grade.spec.mjs',
  // One test per solution, so workers and shards split a class file by file.
  fullyParallel: true,
  retries: 0,
  // Each test records its own result (grading failures included), so the test itself only fails when the
  // grader breaks; the timeout is a last resort above the verdict wait.
  timeout: run.testTimeoutMs,
  reporter: [[run.reporter ?? 'list'], ['json', { outputFile: run.reportFile }]],
  outputDir: run.outputDir,
  preserveOutput: 'failures-only',
  use: {
    baseURL: run.baseURL,
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    {
      name: 'grade',
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
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
});
