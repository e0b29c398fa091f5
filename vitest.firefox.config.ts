import { defineConfig } from 'vitest/config';

// Firefox end-to-end tests drive dist-firefox/ in Firefox ESR; one browser at a time.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.firefox.ts'],
    globalSetup: ['tests/e2e/firefox-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The popup re-renders after the worker writes storage; on a busy 2-core box that can take seconds,
    // well past expect.poll's 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
