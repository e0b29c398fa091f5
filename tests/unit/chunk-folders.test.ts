// The chunk split is a folder convention (vite.config.ts's groups name folders only); this keeps
// the folders honest without a build, which is too slow for a unit test: it reads every module's
// imports (regexes over the source) and checks what each page can reach and who imports each
// folder. refined-github's features.test.ts is the model. The size budgets (npm run check:sizes)
// then measure the same split on the real build.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rel = (path: string) => relative(ROOT, path).replace(/\\/g, '/');

/** The folders the groups name. */
const READERS = /^src\/core\/kinds\/([a-z-]+\/)?read\//;
const CHECKS = /^src\/core\/kinds\/([a-z-]+\/)?check\//;
/** The picker's core: a content script in the user's tab, reading the page as a text check does. */
const PICKER = /^src\/core\/pick\//;
const OPTIONS_LATER = /^src\/options\/later\//;
const CHANNELS = /^src\/core\/channels\/[a-z-]+\.ts$/;
const SENDERS = /^src\/core\/channels\/send\//;

/**
 * The one import of a reader outside read/ and the offscreen document: Firefox's event page parses
 * pages itself, by a dynamic import the Chrome build drops (src/background/page-reader.ts).
 */
const FIREFOX_READER = { from: 'src/background/page-reader.ts', to: 'src/core/kinds/read/read-body.ts' };

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

/** Comments out, strings kept (a comment may quote an import; a string may hold `//`). */
const withoutComments = (text: string) =>
  text.replace(/('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (_m, quoted) => quoted ?? '');

// `import … from`, `export … from` and `import '…'`; a type-only one loads nothing. An import whose
// every name is `type` still loads its module (verbatimModuleSyntax keeps `import {} from`).
const STATIC =
  /^\s*(?:import|export)\s+(type\s+)?(?:(?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)|[\w$]+)\s+from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
// `typeof import(…)` is a type.
const DYNAMIC = /(?<!typeof\s+)\bimport\(\s*(['"`])([^'"`]+)\1\s*\)/g;

function resolveModule(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null; // a package
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return rel(candidate);
  return null;
}

const modules = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
  .map((f) => rel(join(f.parentPath, f.name)));

const unresolved: string[] = [];
const edges: Edge[] = modules.flatMap((from) => {
  const text = withoutComments(readFileSync(join(ROOT, from), 'utf8'));
  const found: Edge[] = [];
  const add = (spec: string, dynamic: boolean) => {
    const to = resolveModule(join(ROOT, from), spec);
    if (to) found.push({ from, to, dynamic });
    else if (spec.startsWith('.') && !/\.(css|json|html)$/.test(spec)) unresolved.push(`${from} → ${spec}`);
  };
  for (const [, typeOnly, spec, bare] of text.matchAll(STATIC)) if (!typeOnly) add((spec ?? bare) as string, false);
  for (const [, , spec] of text.matchAll(DYNAMIC)) add(spec as string, true);
  return found;
});

const isFirefoxReader = (e: Edge) => e.from === FIREFOX_READER.from && e.to === FIREFOX_READER.to && e.dynamic;

/** The page entries, as the manifest and the build name them (the offscreen document is a build input). */
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
function scriptOf(html: string): string {
  const src = readFileSync(join(ROOT, html), 'utf8').match(/<script type="module" src="([^"]+)"/)?.[1];
  if (!src) throw new Error(`${html} has no <script type="module" src="…">`);
  return rel(resolve(dirname(join(ROOT, html)), src));
}
const ENTRIES = {
  worker: manifest.background.service_worker as string,
  popup: scriptOf(manifest.action.default_popup),
  options: scriptOf(manifest.options_ui.page),
  offscreen: scriptOf('src/offscreen/index.html'),
};

/** Every module `entry` may load, with the chain that reaches each (for the failure message). */
function reach(entry: string, follow: (e: Edge) => boolean): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  for (let at = queue.shift(); at !== undefined; at = queue.shift())
    for (const e of edges)
      if (e.from === at && follow(e) && !chains.has(e.to)) {
        chains.set(e.to, [...(chains.get(at) as string[]), e.to]);
        queue.push(e.to);
      }
  return chains;
}

/** The chains from an entry into the forbidden folders, each ending where it first enters one (empty when none). */
function reached(chains: Map<string, string[]>, ...folders: RegExp[]): string[] {
  const forbidden = (module: string | undefined) => module !== undefined && folders.some((f) => f.test(module));
  return [...chains.values()].filter((chain) => forbidden(chain.at(-1)) && !forbidden(chain.at(-2))).map((chain) => chain.join(' → '));
}

const importersOf = (module: string) => edges.filter((e) => e.to === module);

describe('the source tree the chunk split relies on', () => {
  it('resolves every relative import and finds the entries', () => {
    expect(unresolved).toEqual([]);
    for (const entry of Object.values(ENTRIES)) expect(modules).toContain(entry);
    // The folders exist, so a rename that empties one fails here, not only in the size budgets.
    for (const folder of [READERS, CHECKS, OPTIONS_LATER, CHANNELS, SENDERS]) expect(modules.some((m) => folder.test(m))).toBe(true);
  });

  it('keeps the readers, rule checks and pages out of the Chrome worker', () => {
    const chains = reach(ENTRIES.worker, (e) => !isFirefoxReader(e));
    expect(reached(chains, READERS, CHECKS, /^src\/(options|popup|offscreen)\//)).toEqual([]);
    // The Firefox exception is real: the worker's reader import is the one this test lets pass.
    expect(edges.some(isFirefoxReader), `update FIREFOX_READER: ${JSON.stringify(FIREFOX_READER)}`).toBe(true);
  });

  it('keeps channel code, readers and rule checks out of the popup', () => {
    expect(
      reached(
        reach(ENTRIES.popup, () => true),
        CHANNELS,
        SENDERS,
        READERS,
        CHECKS,
        /^src\/(options|background)\//,
      ),
    ).toEqual([]);
  });

  it('loads the options page before its first paint without its later code, and never a reader or sender', () => {
    expect(
      reached(
        reach(ENTRIES.options, (e) => !e.dynamic),
        OPTIONS_LATER,
        READERS,
        CHECKS,
        SENDERS,
      ),
    ).toEqual([]);
    // It may play the worker's chime (src/background/chime.ts, by dynamic import), nothing else of the worker's.
    expect(
      reached(
        reach(ENTRIES.options, () => true),
        READERS,
        SENDERS,
        /^src\/popup\//,
      ),
    ).toEqual([]);
  });

  it('has the offscreen document read pages without channel code', () => {
    const chains = reach(ENTRIES.offscreen, () => true);
    expect(reached(chains, READERS).length).toBeGreaterThan(0);
    expect(reached(chains, CHANNELS, SENDERS, /^src\/(options|popup|background)\//)).toEqual([]);
  });
});

describe('who imports each folder', () => {
  const outsiders = (folder: RegExp, allowed: (e: Edge) => boolean) =>
    edges.filter((e) => folder.test(e.to) && !allowed(e)).map((e) => `${e.from} → ${e.to}${e.dynamic ? ' (dynamic)' : ''}`);

  it('a reader: only readers, the picker and the offscreen document (and Firefox’s event page, dynamically)', () => {
    expect(
      outsiders(READERS, (e) => READERS.test(e.from) || PICKER.test(e.from) || e.from.startsWith('src/offscreen/') || isFirefoxReader(e)),
    ).toEqual([]);
  });

  it('a rule check: only rule checks, readers, the picker and the options page’s later code', () => {
    expect(
      outsiders(CHECKS, (e) => CHECKS.test(e.from) || READERS.test(e.from) || PICKER.test(e.from) || OPTIONS_LATER.test(e.from)),
    ).toEqual([]);
  });

  it('the options page’s later code: itself, and the options page by dynamic import only', () => {
    expect(outsiders(OPTIONS_LATER, (e) => OPTIONS_LATER.test(e.from) || (e.dynamic && e.from.startsWith('src/options/')))).toEqual([]);
  });

  it('a channel sender: only senders and the worker', () => {
    expect(outsiders(SENDERS, (e) => SENDERS.test(e.from) || e.from.startsWith('src/background/'))).toEqual([]);
  });

  // What only a folder's modules import belongs in it: left outside, it would fall into a chunk of its own.
  it.each([
    ['the readers', /^src\/core\//, READERS, READERS],
    ['the rule checks (and readers)', /^src\/core\//, CHECKS, /^src\/core\/kinds\/([a-z-]+\/)?(read|check)\//],
    ['the options page’s later code', /^src\/options\//, OPTIONS_LATER, OPTIONS_LATER],
    ['the channel senders', /^src\/core\/channels\//, SENDERS, SENDERS],
  ])('what only %s import is in their folder', (_name, scope, folder, importers) => {
    const strays = modules.filter((m) => {
      if (!scope.test(m) || folder.test(m) || (folder === CHECKS && READERS.test(m))) return false;
      const by = importersOf(m);
      return by.length > 0 && by.every((e) => importers.test(e.from));
    });
    expect(strays).toEqual([]);
  });
});
