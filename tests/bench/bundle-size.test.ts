import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { budgetLine, optionsSize, pageSize, serviceWorkerSize } from './bundle-size';

let dist: string;
function writeDist(files: Record<string, string>): string {
  dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
  const manifest = {
    background: { service_worker: 'loader.js' },
    action: { default_popup: 'popup.html' },
    options_ui: { page: 'options.html' },
  };
  for (const [name, text] of Object.entries({ 'manifest.json': JSON.stringify(manifest), ...files })) {
    mkdirSync(dirname(join(dist, name)), { recursive: true });
    writeFileSync(join(dist, name), text);
  }
  return dist;
}
afterEach(() => rmSync(dist, { recursive: true, force: true }));

// As vite and rolldown write them: minified imports, backtick dynamic imports, absolute HTML paths.
const PAGE = {
  'options.html':
    '<script type="module" crossorigin src="/assets/main.js"></script><link rel="modulepreload" crossorigin href="/assets/shared.js">',
  'assets/main.js': 'import{a as e}from"./shared.js";const l=()=>import(`./later.js`);e(l);',
  'assets/shared.js': 'export const a=(f)=>f;',
  'assets/later.js': 'import"./shared.js";import{b}from"./deep.js";export const c=b;',
  'assets/deep.js': 'export const b=1;',
};

describe('what a page loads', () => {
  it('tells what loads before the first paint (static imports) from all it may load (dynamic ones too)', () => {
    const { open, all } = optionsSize(writeDist(PAGE));
    expect(open.files.sort()).toEqual(['assets/main.js', 'assets/shared.js']);
    expect(all.files.sort()).toEqual(['assets/deep.js', 'assets/later.js', 'assets/main.js', 'assets/shared.js']);
    const bytes = (names: string[]) => names.reduce((sum, n) => sum + Buffer.byteLength(PAGE[n as keyof typeof PAGE]), 0);
    expect(open.raw).toBe(bytes(open.files));
    expect(all.raw).toBe(bytes(all.files));
    expect(all.gzip).toBeGreaterThan(open.gzip);
  });

  it('follows dynamic imports in quotes as well as backticks, and counts a shared file once', () => {
    writeDist({ ...PAGE, 'assets/main.js': 'import("./later.js");import(\'./deep.js\');import(`./later.js`)' });
    expect(pageSize(dist, 'options.html').all.files.sort()).toEqual([
      'assets/deep.js',
      'assets/later.js',
      'assets/main.js',
      'assets/shared.js',
    ]);
  });

  it('refuses a dynamic import it cannot follow rather than leave its code out', () => {
    writeDist({ ...PAGE, 'assets/main.js': 'const n=`./later.js`;import(n);' });
    expect(() => optionsSize(dist)).toThrow(/1 dynamic imports, 0 of them with a literal path/);
  });

  it("counts the worker's dynamic imports too", () => {
    writeDist({
      'loader.js': 'import"./assets/sw.js";',
      'assets/sw.js': 'onmessage=()=>import(`./deep.js`);',
      'assets/deep.js': 'export const b=1;',
    });
    expect(serviceWorkerSize(dist).files.sort()).toEqual(['assets/deep.js', 'assets/sw.js', 'loader.js']);
  });

  it('says to build first when there is no build', () => {
    dist = mkdtempSync(join(tmpdir(), 'bundle-size-'));
    expect(() => serviceWorkerSize(dist)).toThrow(/npm run build/);
  });
});

describe('the budget line', () => {
  it('says ok within the limit and OVER past it, for at-most and at-least budgets', () => {
    expect(budgetLine({ name: 'x-gzip', value: 24, unit: 'KiB', kind: 'max', limit: 24 })).toBe('budget x-gzip: 24 KiB (limit ≤ 24) ok');
    expect(budgetLine({ name: 'x-gzip', value: 24.1, unit: 'KiB', kind: 'max', limit: 24 })).toBe(
      'budget x-gzip: 24.1 KiB (limit ≤ 24) OVER',
    );
    expect(budgetLine({ name: 'gap', value: 9.9, unit: 's', kind: 'min', limit: 10 })).toBe('budget gap: 9.9 s (limit ≥ 10) OVER');
  });
});
