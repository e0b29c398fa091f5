import { isBuiltIn } from './kinds/registry';
import type { Stored } from './stored-schema';
import { MAX_WATCHES, type WatchDef } from './watch-def';
import { validateWatchInput } from './watch-input';

/** The file format (contract): `{"format": "reopen-watch/watches", "version": 1, "watches": [...]}`. */
export const WATCH_FILE_FORMAT = 'reopen-watch/watches';
export const WATCH_FILE_VERSION = 1;
/** Far above any real list; a bigger file is not a watch list. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type ImportedWatch = Omit<WatchDef, 'id'>;

/**
 * Validates a parsed watch file as a whole: every problem is listed (with the watch it is in) and
 * nothing is imported unless all of it is valid.
 */
export function parseWatchFile(
  file: unknown,
  isValidSelector?: (selector: string) => boolean,
): { ok: true; watches: ImportedWatch[] } | { ok: false; problems: string[] } {
  if (typeof file !== 'object' || file === null || Array.isArray(file))
    return { ok: false, problems: ['the file is not a Reopen Watch watch list'] };
  const raw = file as Record<string, unknown>;
  if (raw.format !== WATCH_FILE_FORMAT) return { ok: false, problems: [`"format" must be "${WATCH_FILE_FORMAT}"`] };
  if (raw.version !== WATCH_FILE_VERSION) {
    return {
      ok: false,
      problems: [`"version" ${JSON.stringify(raw.version)} is not supported (this version reads ${WATCH_FILE_VERSION})`],
    };
  }
  if (!Array.isArray(raw.watches)) return { ok: false, problems: ['"watches" must be a list'] };
  if (raw.watches.length === 0) return { ok: false, problems: ['the file has no watches'] };
  if (raw.watches.length > MAX_WATCHES)
    return { ok: false, problems: [`the file has ${raw.watches.length} watches; at most ${MAX_WATCHES} are allowed`] };
  const problems: string[] = [];
  const watches: ImportedWatch[] = [];
  raw.watches.forEach((input, index) => {
    const label =
      typeof (input as { name?: unknown })?.name === 'string'
        ? `watch ${index + 1} ("${String((input as { name: string }).name).slice(0, 40)}")`
        : `watch ${index + 1}`;
    const checked = validateWatchInput(input, isValidSelector);
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
      const def = stored.watches[id]?.def;
      if (!def) return [];
      const target = isBuiltIn(def) ? {} : { url: def.url, rule: def.rule };
      return [
        { name: def.name, kind: def.kind, ...target, intervalMinutes: def.intervalMinutes, notify: def.notify, enabled: def.enabled },
      ];
    }),
  };
}
