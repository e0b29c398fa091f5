// Reading an import file before anything is sent: size, JSON, the contract's format, and the
// origins it needs. Pure, so a bad file is explained at once and nothing changes.

import { parseWatchFile } from '../../core/kinds/check/watch-input';
import { isBuiltIn } from '../../core/kinds/registry';
import { type ImportedWatch, MAX_FILE_BYTES } from '../../core/watch-file';
import { sitePattern } from '../../shared/host-access';
import type { Problem } from './watch-form';

export type ReadFile =
  | { ok: true; file: unknown; watches: ImportedWatch[]; origins: string[] }
  /** `details` are the validator's own words, one per problem, listed under the message. */
  | { ok: false; problem: Problem; details: string[] };

/** The host permissions a set of watches needs; a built-in watch's site comes with the extension. */
export function originsFor(watches: ReadonlyArray<Pick<ImportedWatch, 'kind' | 'url'>>): string[] {
  return [...new Set(watches.filter((w) => !isBuiltIn(w)).map((w) => sitePattern(w.url)))];
}

export function readWatchFile(text: string, bytes: number, isValidSelector?: (selector: string) => boolean): ReadFile {
  if (bytes > MAX_FILE_BYTES) return { ok: false, problem: { key: 'optionsImportTooLarge' }, details: [] };
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: { key: 'optionsImportNotJson' }, details: [] };
  }
  const parsed = parseWatchFile(file, isValidSelector);
  if (!parsed.ok) return { ok: false, problem: { key: 'optionsImportInvalid' }, details: parsed.problems };
  return { ok: true, file, watches: parsed.watches, origins: originsFor(parsed.watches) };
}
