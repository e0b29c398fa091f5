// The watch file, the one place its format and version live: `{"format": "reopen-watch/watches",
// "version": 1, "watches": [...]}`. Read all or nothing, every problem listed with its watch.
import { isBuiltIn } from './kinds/registry';
import { isObject } from './stored-fields';
import type { Stored } from './stored-schema';
import { type Checked, checkWatchShape } from './watch-check';
import { MAX_WATCHES, type WatchDef } from './watch-def';

export const WATCH_FILE_FORMAT = 'reopen-watch/watches';
export const WATCH_FILE_VERSION = 1;
/** Far above any real list; a bigger file is not a watch list. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ImportedWatch = Omit<WatchDef, 'id'>;
export type ReadWatches = { ok: true; watches: ImportedWatch[] } | { ok: false; problems: string[] };

/**
 * A parsed file, each watch checked with `check` (the pages' full check, or the worker's shapes).
 * A watch's channels belong to the browser that wrote the file: an imported watch alerts every
 * channel here, so they are dropped before the check. `named`: problems name the watch too (for
 * the person reading them; the worker's answer, read by a page, counts only).
 */
export function readWatchFile(file: unknown, check: (watch: unknown) => Checked, named = true): ReadWatches {
  if (!isObject(file)) return { ok: false, problems: ['the file is not a Reopen Watch watch list'] };
  if (file.format !== WATCH_FILE_FORMAT) return { ok: false, problems: [`"format" must be "${WATCH_FILE_FORMAT}"`] };
  if (file.version !== WATCH_FILE_VERSION) return { ok: false, problems: [`"version" must be ${WATCH_FILE_VERSION}`] };
  if (!Array.isArray(file.watches) || file.watches.length === 0) return { ok: false, problems: ['"watches" must be a non-empty list'] };
  if (file.watches.length > MAX_WATCHES)
    return { ok: false, problems: [`the file has ${file.watches.length} watches; at most ${MAX_WATCHES} are allowed`] };
  const problems: string[] = [];
  const watches: ImportedWatch[] = [];
  file.watches.forEach((input, index) => {
    const label =
      named && isObject(input) && typeof input.name === 'string'
        ? `watch ${index + 1} ("${input.name.slice(0, 40)}")`
        : `watch ${index + 1}`;
    const { channels: _local, ...portable } = isObject(input) ? input : {};
    const checked = check(isObject(input) ? portable : input);
    if (checked.ok) watches.push(checked.watch);
    else problems.push(...checked.problems.map((p) => `${label}: ${p}`));
  });
  // A built-in watch exists once: a file may carry its settings once.
  for (const kind of new Set(watches.filter(isBuiltIn).map((w) => w.kind)))
    if (watches.filter((w) => w.kind === kind).length > 1) problems.push(`the file has more than one ${kind} watch`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, watches };
}

/** The export file: definitions only, in display order; secrets live elsewhere and are never included. */
export function exportWatches(stored: Pick<Stored, 'watchIds' | 'watches'>) {
  return {
    format: WATCH_FILE_FORMAT,
    version: WATCH_FILE_VERSION,
    watches: stored.watchIds.flatMap((id) => {
      const def = Object.hasOwn(stored.watches, id) ? stored.watches[id]?.def : undefined;
      if (!def) return [];
      const target = isBuiltIn(def) ? {} : { url: def.url, rule: def.rule, ...(def.render && { render: true }) };
      return [
        { name: def.name, kind: def.kind, ...target, intervalMinutes: def.intervalMinutes, notify: def.notify, enabled: def.enabled },
      ];
    }),
  };
}

/** The worker's reading of a file a page sent: shapes only (the page checked it in full first). */
export const checkWatchFile = (file: unknown): ReadWatches => readWatchFile(file, checkWatchShape, false);
