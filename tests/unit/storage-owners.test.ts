// Storage has one owner per side and one writer per key (issue 15): a scan of the sources. The
// worker reaches storage only through src/background/worker-storage.ts, the pages only through
// src/shared/view-storage.ts, and each key in src/core/storage-keys.ts is written by its own side.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SESSION_KEYS, VIEW_KEYS, WORKER_KEYS } from '../../src/core/storage-keys';

const root = fileURLToPath(new URL('../../', import.meta.url));
const WORKER_OWNER = 'src/background/worker-storage.ts';
const PAGES_OWNER = 'src/shared/view-storage.ts';

/** Code only: comments may name what they like. (Good enough for our sources: no `//` or `/*` inside strings but URLs.) */
const stripComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
  .map((f) => {
    const path = relative(root, join(f.parentPath, f.name)).replace(/\\/g, '/');
    return { path, code: stripComments(readFileSync(join(root, path), 'utf8')) };
  });

type Side = 'worker' | 'pages';
/** Where a file's writes come from; the pure core writes nothing (it only shapes what the worker writes). */
function sideOf(path: string): Side | null {
  if (path.startsWith('src/background/')) return 'worker';
  if (/^src\/(popup|options|shared)\//.test(path)) return 'pages';
  return null;
}
const writerOf = (name: string): Side | null =>
  name in WORKER_KEYS || name in SESSION_KEYS ? 'worker' : name in VIEW_KEYS ? 'pages' : null;

/** Each `[KEYS.x…]` used as a property being written: `{ [KEYS.x]: v }` or `writes[KEYS.x] = v`. */
function keyWrites(code: string): string[] {
  return [...code.matchAll(/\[(?:KEYS|SESSION_KEYS)\.(\w+)(?:\([^)\]]*\))?\]\s*(?::|=(?![=>]))/g)].map((m) => m[1] as string);
}

describe('storage owners', () => {
  it('only the two owner modules call browser.storage', () => {
    const users = sources.filter(({ code }) =>
      /\b(browser|chrome)\s*\??\.\s*storage\b|\{[^}]*\bstorage\b[^}]*\}\s*=\s*(browser|chrome)\b/.test(code),
    );
    expect(users.map((s) => s.path).sort()).toEqual([WORKER_OWNER, PAGES_OWNER].sort());
  });

  it('storage.session is the worker’s alone, and nothing is ever kept in storage.sync', () => {
    const session = sources.filter(({ code }) => /storage\s*\.\s*session\b/.test(code)).map((s) => s.path);
    expect(session).toEqual([WORKER_OWNER]);
    expect(sources.filter(({ code }) => /storage\s*\.\s*sync\b/.test(code)).map((s) => s.path)).toEqual([]);
  });

  it('declares every key in one place and names them only through KEYS', () => {
    const elsewhere = sources.filter(
      ({ path, code }) => path !== 'src/core/storage-keys.ts' && /\b(WORKER_KEYS|VIEW_KEYS)\b|const\s+\w*_KEY\s*=\s*['"`]/.test(code),
    );
    expect(elsewhere.map((s) => s.path)).toEqual([]);
    for (const name of Object.keys({ ...WORKER_KEYS, ...VIEW_KEYS })) expect(name in WORKER_KEYS && name in VIEW_KEYS, name).toBe(false);
  });

  it('writes each key only on the side that owns it', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const { path, code } of sources) {
      const side = sideOf(path);
      if (!side) continue;
      for (const name of keyWrites(code)) {
        seen++;
        const writer = writerOf(name);
        if (writer !== side) wrong.push(`${path}: writes KEYS.${name} (${writer ?? 'undeclared'}), but is on the ${side} side`);
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(10); // the scan sees the writes it is about
  });

  it('each owner module sets only its own side’s keys, and removes only what it may', () => {
    const calls = (code: string, method: 'set' | 'remove') =>
      [...code.matchAll(new RegExp(`storage\\s*\\.\\s*(?:local|session)\\s*\\.\\s*${method}\\(((?:[^()]|\\([^()]*\\))*)\\)`, 'g'))].map(
        (m) => (m[1] as string).trim(),
      );
    const worker = stripComments(readFileSync(join(root, WORKER_OWNER), 'utf8'));
    const pages = stripComments(readFileSync(join(root, PAGES_OWNER), 'utf8'));
    // Every set names its key, but the watches' one write of many keys, each found by the scan above.
    const named = (args: string) => /^\{\s*\[(?:KEYS|SESSION_KEYS)\.\w+/.exec(args) !== null;
    expect(calls(worker, 'set').filter((args) => !named(args) && args !== 'items')).toEqual([]);
    expect(calls(pages, 'set').filter((args) => !named(args))).toEqual([]);
    expect(calls(pages, 'set').length).toBeGreaterThan(0);
    // The worker removes the keys a migration or a removed watch leaves (its own), and a watch's
    // request header with its watch (the one key of the pages it may delete, never set).
    expect(calls(worker, 'remove')).toEqual(['keys', 'KEYS.secret(id)']);
    expect(calls(pages, 'remove')).toEqual(['KEYS.secret(watchId)']);
  });

  it('the worker never loads the pages’ storage module, nor a page the worker’s', () => {
    const reach = (entry: string) => {
      const seen = new Set<string>();
      const visit = (path: string) => {
        if (seen.has(path)) return;
        seen.add(path);
        const code = readFileSync(join(root, path), 'utf8');
        // Value imports and dynamic imports; `import type` is erased.
        for (const m of code.matchAll(/^\s*(?:import|export)\s+(?!type\s)[^;]*?from\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm)) {
          const base = join(dirname(path), (m[1] ?? m[2]) as string);
          const file = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => existsSync(join(root, f)));
          if (file) visit(file.replace(/\\/g, '/'));
        }
      };
      visit(entry);
      return seen;
    };
    const worker = reach('src/background/index.ts');
    expect(worker.has(WORKER_OWNER)).toBe(true);
    expect(worker.has(PAGES_OWNER), 'the worker reaches the pages’ storage').toBe(false);
    for (const page of ['src/popup/main.tsx', 'src/options/main.tsx']) {
      const loaded = reach(page);
      expect(loaded.has(PAGES_OWNER), page).toBe(true);
      expect(loaded.has(WORKER_OWNER), `${page} reaches the worker’s storage`).toBe(false);
    }
  });
});
