// The contract's check of a watch, for the pages and import: the one validator (../../watch-check.ts)
// with each kind's full rule check. The worker never loads this (it checks shapes only).

import { type Checked, checkWatch } from '../../watch-check';
import { type ReadWatches, readWatchFile } from '../../watch-file';
import { fullRuleProblems } from './rule-checks';

/** The fields an import file or the options form supplies (the contract's names). */
export interface WatchInput {
  name: unknown;
  kind: unknown;
  url?: unknown;
  rule?: unknown;
  intervalMinutes?: unknown;
  notify?: unknown;
  enabled?: unknown;
}

/** One watch as the user (or a file) gave it, normalised, or its problems in plain English. `isValidSelector` checks CSS where a DOM exists. */
export const validateWatchInput = (input: unknown, isValidSelector?: (selector: string) => boolean): Checked =>
  checkWatch(input, (kind, rule) => fullRuleProblems(kind, rule, isValidSelector));

/** A parsed watch file, checked in full: nothing is imported unless all of it is valid. */
export const parseWatchFile = (file: unknown, isValidSelector?: (selector: string) => boolean): ReadWatches =>
  readWatchFile(file, (watch) => validateWatchInput(watch, isValidSelector));
