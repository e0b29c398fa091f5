import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The options page's e2e smoke: like vitest.e2e.config.ts, for src/options/*.e2e.ts only.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['src/options/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
