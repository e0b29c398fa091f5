import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { contentScripts } from './scripts/content-scripts';
import { chromeManifest, firefoxManifest } from './scripts/manifests';
import { oneFileWorker } from './scripts/one-file-worker';

// The manifests, with package.json's version, come from scripts/manifests.ts.
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    publicDir: 'src/public',
    plugins: [
      preact(),
      crx({ manifest: (firefox ? firefoxManifest() : chromeManifest()) as ManifestV3Export, browser: firefox ? 'firefox' : 'chrome' }),
      contentScripts(),
      // Firefox's event page can load code later (import()); Chrome's worker cannot, so it is one file.
      ...(firefox ? [] : [oneFileWorker()]),
    ],
    build: {
      // Pages opened by URL, not linked from the manifest: the welcome page (on install) and Chrome's
      // offscreen page reader.
      rollupOptions: firefox
        ? { input: { welcome: 'src/welcome/index.html' } as Record<string, string> }
        : {
            input: { welcome: 'src/welcome/index.html', offscreen: 'src/offscreen/index.html' },
            // Needed for groups that do not take their dependencies along (below).
            preserveEntrySignatures: 'allow-extension',
            // One chunk per folder convention (tests/unit/chunk-folders.test.ts checks who imports each).
            output: {
              codeSplitting: {
                // Each group holds only its own modules; what they import is split as usual.
                includeDependenciesRecursively: false,
                groups: [
                  // Channel specs (the files of core/channels/): the worker and the options page load them, never the popup.
                  { name: 'channels', test: /src\/core\/channels\/[a-z-]+\.ts$/, priority: 3 },
                  // Their senders (core/channels/send/): request builders and answer readers, the worker's alone.
                  { name: 'channel-senders', test: /src\/core\/channels\/send\//, priority: 3 },
                  // What the options page loads on first use (options/later/: editors, import), after its first paint.
                  { name: 'options-later', test: /src\/options\/later\//, priority: 2 },
                  // Full rule checks (kinds/<kind>/check/, kinds/check/): the pages' validation, never the worker's.
                  { name: 'rule-checks', test: /src\/core\/kinds\/([a-z-]+\/)?check\//, priority: 2 },
                  // Readers (kinds/<kind>/read/, kinds/read/): run by the offscreen document and Firefox's event page only.
                  { name: 'page-readers', test: /src\/core\/kinds\/([a-z-]+\/)?read\//, priority: 1 },
                ],
              },
            },
          },
      // Both browsers preload modules natively (Chrome 66, Firefox 115): no polyfill in every page.
      modulePreload: { polyfill: false },
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: firefox ? 'firefox140' : 'chrome116',
    },
  };
});
