import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };
import manifest from './manifest.json' with { type: 'json' };

// package.json is the one place the version lives; the manifest takes it at build time.
export default defineConfig({
  publicDir: 'src/public',
  plugins: [preact(), crx({ manifest: { ...manifest, version: pkg.version } })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome116',
  },
});
