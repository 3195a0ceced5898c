/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { lessonCheck } from './src/lessons/vitePlugin.ts';
import { challengeCheck } from './src/challenge/vitePlugin.ts';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { runes: true } }), lessonCheck(), challengeCheck()],
  server: { port: 5173 },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Property tests run 1,000 cases each; on a loaded 2-core CI machine one file can take well over the
    // default 5 s. Timings are never what a test checks.
    testTimeout: 120_000,
  },
});
