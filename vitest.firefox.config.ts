import { defineConfig } from 'vitest/config';

// Firefox end-to-end tests drive dist-firefox/ in Firefox ESR; one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.firefox.ts'],
    globalSetup: ['tests/e2e/firefox-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
