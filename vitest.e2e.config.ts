import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built dist/ in real Chromium; one browser at a time on a 2-core box.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The popup re-renders after the worker writes storage; on a busy 2-core box that can take seconds,
    // well past expect.poll's 1 s default.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
