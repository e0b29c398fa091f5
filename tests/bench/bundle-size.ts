import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface EntrySize {
  files: string[];
  raw: number;
  gzip: number;
}

/** All JS an entry loads: the file and everything it imports, statically or dynamically. */
export function jsGraph(dist: string, entryFiles: string[]): EntrySize {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const spec = match[1] as string;
      visit(spec.startsWith('/') ? join(dist, spec) : join(dirname(file), spec));
    }
  };
  entryFiles.forEach(visit);
  const files = [...seen];
  const raw = files.reduce((sum, f) => sum + readFileSync(f).byteLength, 0);
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).byteLength, 0);
  return { files: files.map((f) => relative(dist, f)), raw, gzip };
}

export function serviceWorkerSize(dist: string): EntrySize {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  return jsGraph(dist, [join(dist, manifest.background.service_worker)]);
}

/** All JS an extension page loads, from its HTML (the popup's, the options page's). */
export function pageSize(dist: string, htmlFile: string): EntrySize {
  const htmlPath = join(dist, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  return jsGraph(
    dist,
    scripts.map((s) => (s.startsWith('/') ? join(dist, s) : join(dirname(htmlPath), s))),
  );
}

const manifestOf = (dist: string) => JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
export const popupSize = (dist: string) => pageSize(dist, manifestOf(dist).action.default_popup);
export const optionsSize = (dist: string) => pageSize(dist, manifestOf(dist).options_ui.page);
