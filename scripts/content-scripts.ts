// The content scripts, bundled by us rather than by crxjs: each is one classic script the worker
// names by file (scripting.registerContentScripts, scripting.executeScript), so no loader module,
// no chunk a page could fetch and no web_accessible_resources entry that lets sites detect the
// extension. Built with rolldown (vite's own bundler), minified, after the rest of the build.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { rolldown } from 'rolldown';
import type { Plugin } from 'vite';

/** Output file → source entry. */
export const CONTENT_SCRIPTS: Readonly<Record<string, string>> = {
  // The reader inside a rendering frame (src/background/frame-access.ts registers it).
  'frame-reader.js': 'src/render/frame-reader.ts',
  // Its helper in the page's own world, which alone sees the page's errors.
  'frame-guard.js': 'src/render/frame-guard.ts',
  // Pick on the page: injected into the user's tab by the popup (scripting.executeScript).
  'picker.js': 'src/picker/main.tsx',
};

async function bundleScript(root: string, entry: string, mode: string): Promise<string> {
  const build = await rolldown({
    input: resolve(root, entry),
    logLevel: 'warn',
    transform: {
      define: { 'import.meta.env.MODE': JSON.stringify(mode) },
      jsx: { runtime: 'automatic', importSource: 'preact' },
    },
  });
  try {
    const { output } = await build.generate({ format: 'iife', minify: true, codeSplitting: false });
    const [only, ...more] = output;
    if (!only || more.length > 0 || only.type !== 'chunk') throw new Error(`${entry} did not bundle into one file`);
    return only.code;
  } finally {
    await build.close();
  }
}

export function contentScripts(): Plugin {
  let outDir = 'dist';
  let root = '.';
  let mode = 'production';
  return {
    name: 'reopen-watch:content-scripts',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      mode = config.mode;
    },
    async writeBundle() {
      for (const [file, entry] of Object.entries(CONTENT_SCRIPTS)) writeFileSync(join(outDir, file), await bundleScript(root, entry, mode));
    },
  };
}
