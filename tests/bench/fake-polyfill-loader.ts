// node --import tsx --import ./tests/bench/fake-polyfill-loader.ts …: lets a bench script run the
// worker's real modules in Node: webextension-polyfill resolves to the unit tests' fake browser, and
// the extension's sources get the `import.meta.env` vite would give them (the Firefox build, whose
// event page parses pages with a DOMParser the script provides).
import { register } from 'node:module';

const fake = new URL('../unit/fake-polyfill.ts', import.meta.url).href;
const sources = new URL('../../src/', import.meta.url).href;

register(
  `data:text/javascript,${encodeURIComponent(`
    export async function resolve(specifier, context, next) {
      if (specifier === 'webextension-polyfill') return next(${JSON.stringify(fake)}, context);
      return next(specifier, context);
    }
    export async function load(url, context, next) {
      const result = await next(url, context);
      if (!url.startsWith(${JSON.stringify(sources)}) || result.format !== 'module' || result.source == null) return result;
      const source = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source);
      return { ...result, source: 'import.meta.env = { MODE: "firefox" };' + source };
    }`)}`,
);
