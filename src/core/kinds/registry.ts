// The kinds, from their specs: everything that lists kinds or their reasons is derived here.

import { chatgptPlusSpec } from './chatgpt-plus/spec';
import { jsonSpec } from './json/spec';
import { pageSpec } from './page/spec';
import { COMMON_REASON_CODES } from './reasons';
import type { BuiltInTarget, KindSpec } from './spec';

const SPECS = [chatgptPlusSpec, pageSpec, jsonSpec] as const;
type AnySpec = (typeof SPECS)[number];

export type WatchKind = AnySpec['kind'];
export const WATCH_KINDS = SPECS.map((spec) => spec.kind) as WatchKind[];
export const isWatchKind = (value: unknown): value is WatchKind => (WATCH_KINDS as readonly unknown[]).includes(value);

const BY_KIND = new Map<string, KindSpec>(SPECS.map((spec) => [spec.kind, spec]));
/** The spec of a kind (a stored or imported kind is checked with isWatchKind first). */
export const specOf = (kind: WatchKind): KindSpec => BY_KIND.get(kind) as KindSpec;

/** Machine-readable causes behind a verdict; shown in the popup and logs, never containing secrets. */
export type ReasonCode = (typeof COMMON_REASON_CODES)[number] | AnySpec['reasonCodes'][number];
export const REASON_CODES = [...new Set([...SPECS.flatMap((spec) => spec.reasonCodes), ...COMMON_REASON_CODES])] as ReasonCode[];
// Stored verdicts are validated against these, so a value from another version never reaches the UI.
export const isReasonCode = (value: unknown): value is ReasonCode => (REASON_CODES as readonly unknown[]).includes(value);

export const CONFIRM_DELAY_MS = Object.fromEntries(SPECS.map((spec) => [spec.kind, spec.confirmDelayMs])) as Record<WatchKind, number>;

/** The watches every browser has, whatever the user adds: one per built-in kind. */
export const BUILT_INS: ReadonlyArray<BuiltInTarget & { kind: WatchKind; intervalMinutes: number }> = SPECS.flatMap((spec) =>
  'builtIn' in spec ? [{ ...spec.builtIn, kind: spec.kind, intervalMinutes: spec.defaultIntervalMinutes }] : [],
);
export const isBuiltIn = (watch: { kind: WatchKind }): boolean => specOf(watch.kind).builtIn !== undefined;

/** Where clicking the watch's alert or primary action takes the user. */
export const targetUrl = (watch: { kind: WatchKind; url: string }): string => specOf(watch.kind).targetUrl(watch);
