import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so crx() is never loaded under vitest.
export default defineConfig({
  resolve: {
    alias: {
      'webextension-polyfill': fileURLToPath(new URL('./tests/unit/fake-polyfill.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/bench/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    environment: 'node',
  },
});
