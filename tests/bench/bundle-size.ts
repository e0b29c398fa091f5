// What each part of the built extension loads, read from dist/ alone (no browser): the size budgets
// that `npm run bench` and `npm run check:sizes` share.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  files: string[];
  raw: number;
  gzip: number;
}

// Minified output writes `import{a}from"./x.js"`, `import"./x.js"` and `import(`./x.js`)` (backticks).
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*(["'`])([^"'`]+\.js)\1/g;
const DYNAMIC_IMPORT = /\bimport\s*\(\s*(["'`])([^"'`]+\.js)\1\s*\)/g;
const ANY_DYNAMIC_IMPORT = /\bimport\s*\(/g;

/**
 * All JS reached from `entryFiles` through static imports (what loads before the code runs) or,
 * with `dynamic`, through dynamic imports too (all the code may ever load).
 */
export function jsGraph(dist: string, entryFiles: string[], { dynamic }: { dynamic: boolean }): EntrySize {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const dynamicSpecs = [...source.matchAll(DYNAMIC_IMPORT)].map((m) => m[2] as string);
    // A dynamic import of something other than a literal path would be missed silently: refuse it.
    const dynamicCalls = source.match(ANY_DYNAMIC_IMPORT)?.length ?? 0;
    if (dynamicCalls !== dynamicSpecs.length) {
      throw new Error(`${relative(dist, file)}: ${dynamicCalls} dynamic imports, ${dynamicSpecs.length} of them with a literal path`);
    }
    const staticSpecs = [...source.replace(DYNAMIC_IMPORT, '').matchAll(STATIC_IMPORT)].map((m) => m[2] as string);
    for (const spec of dynamic ? [...staticSpecs, ...dynamicSpecs] : staticSpecs) {
      visit(spec.startsWith('/') ? join(dist, spec) : join(dirname(file), spec));
    }
  };
  entryFiles.forEach(visit);
  const files = [...seen];
  const raw = files.reduce((sum, f) => sum + readFileSync(f).byteLength, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).byteLength, 0);
  return { files: files.map((f) => relative(dist, f)), raw, gzip };
}

export const manifestOf = (dist: string) => {
  const file = join(dist, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} not found: run \`npm run build\` first`);
  return JSON.parse(readFileSync(file, 'utf8'));
};

/** All JS the Chrome worker loads, dynamic imports included. */
export function serviceWorkerSize(dist: string): EntrySize {
  return jsGraph(dist, [join(dist, manifestOf(dist).background.service_worker)], { dynamic: true });
}

/**
 * The JS an extension page (the popup, the options page) loads from its HTML: `open`, its scripts
 * and modulepreloads with their static imports (all loaded before its first paint), and `all`,
 * everything it may load later through dynamic imports too.
 */
export function pageSize(dist: string, htmlFile: string): { open: EntrySize; all: EntrySize } {
  const htmlPath = join(dist, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  const entries = scripts.map((s) => (s.startsWith('/') ? join(dist, s) : join(dirname(htmlPath), s)));
  return { open: jsGraph(dist, entries, { dynamic: false }), all: jsGraph(dist, entries, { dynamic: true }) };
}

export const popupSize = (dist: string) => pageSize(dist, manifestOf(dist).action.default_popup);
export const optionsSize = (dist: string) => pageSize(dist, manifestOf(dist).options_ui.page);

export interface Budget {
  name: string;
  value: number;
  unit: string;
  limit: number;
  /** `max`: value must be at most the limit; `min`: at least. */
  kind: 'max' | 'min';
}

const KiB = 1024;
const kib = (bytes: number) => Number((bytes / KiB).toFixed(1));

/** The size budgets, measured on a Chrome build in `dist`. */
export function sizeBudgets(dist: string): Budget[] {
  const worker = serviceWorkerSize(dist);
  const popup = popupSize(dist);
  const options = optionsSize(dist);
  return [
    { name: 'sw-js-raw', value: kib(worker.raw), unit: `KiB (${worker.files.length} files)`, kind: 'max', limit: 96 },
    // On opening; what it may load later (in the unit text).
    {
      name: 'popup-js-gzip',
      value: kib(popup.open.gzip),
      unit: `KiB (on opening; ${kib(popup.all.gzip)} KiB with all it may load)`,
      kind: 'max',
      limit: 24,
    },
    { name: 'options-js-open-gzip', value: kib(options.open.gzip), unit: 'KiB (before first paint)', kind: 'max', limit: 32 },
    {
      name: 'options-js-gzip',
      value: kib(options.all.gzip),
      unit: 'KiB (editors, import and export included; Test reads in the worker)',
      kind: 'max',
      limit: 48,
    },
  ];
}

export const withinBudget = (b: Budget) => (b.kind === 'max' ? b.value <= b.limit : b.value >= b.limit);

/** `budget <name>: <value> <unit> (limit ≤|≥ <limit>) ok|OVER`, the line both scripts print. */
export const budgetLine = (b: Budget) =>
  `budget ${b.name}: ${b.value} ${b.unit} (limit ${b.kind === 'max' ? '≤' : '≥'} ${b.limit}) ${withinBudget(b) ? 'ok' : 'OVER'}`;
