// The one validator of a watch: its common fields here (bounds from schedule.ts), its rule by its
// kind. The worker checks a rule's shape only, keeping its code small; the pages and import pass
// the kind's full rule check (src/core/kinds/check/rule-checks.ts) and refuse fields the contract lacks.
import { isWatchKind, specOf, WATCH_KINDS, type WatchKind } from './kinds/registry';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './schedule';
import { isObject } from './stored-fields';
import { checkUrl, MAX_NAME_LENGTH, MAX_WATCH_CHANNELS, MIN_RENDER_INTERVAL_MINUTES, type WatchDef } from './watch-def';

/** A rule larger than this is not a rule someone wrote (phrase lists are capped far below it). */
const MAX_RULE_BYTES = 8 * 1024;
/** The fields of the import/export contract (a watch's channels are this browser's, never exported). */
const CONTRACT_FIELDS = new Set(['name', 'kind', 'url', 'rule', 'intervalMinutes', 'notify', 'enabled', 'render']);

export type Checked = { ok: true; watch: Omit<WatchDef, 'id'> } | { ok: false; problems: string[] };
export type FullRuleCheck = (kind: WatchKind, rule: unknown) => string[];

/**
 * `full`: the contract's check (an import file, the options form): every rule checked in full,
 * unknown fields and a built-in's address or rule refused. Without it, the worker's check of a
 * watch from storage or a page: shapes only (a rule damaged since reads "can't tell", never open).
 */
export function checkWatch(input: unknown, full?: FullRuleCheck): Checked {
  if (!isObject(input)) return { ok: false, problems: ['a watch must be an object'] };
  const raw = input;
  const problems: string[] = [];
  if (full) for (const key of Object.keys(raw)) if (!CONTRACT_FIELDS.has(key)) problems.push(`unknown field "${key}"`);
  const kind = raw.kind;
  const spec = isWatchKind(kind) ? specOf(kind) : null;
  if (!spec) problems.push(`kind must be one of ${WATCH_KINDS.join(', ')}`);
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) problems.push('name must be non-empty text');
  else if (name.length > MAX_NAME_LENGTH) problems.push(`name is longer than ${MAX_NAME_LENGTH} characters`);
  const minutes = raw.intervalMinutes ?? spec?.defaultIntervalMinutes ?? MAX_INTERVAL_MINUTES;
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) problems.push('intervalMinutes must be a number');
  else if (minutes < MIN_INTERVAL_MINUTES || minutes > MAX_INTERVAL_MINUTES)
    problems.push(`intervalMinutes must be between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES}`);
  for (const key of ['notify', 'enabled', 'render'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.push(`${key} must be true or false`);
  }
  const render = raw.render === true;
  if (render && spec && !spec.renders) problems.push(`a ${spec.kind} watch cannot be read after rendering`);
  else if (render && typeof minutes === 'number' && minutes < MIN_RENDER_INTERVAL_MINUTES)
    problems.push(`a watch read after rendering is checked at most every ${MIN_RENDER_INTERVAL_MINUTES} minutes`);
  // null (or absent) is every channel; a list names the channels by id.
  const channels = raw.channels ?? undefined;
  const channelList =
    Array.isArray(channels) &&
    channels.length <= MAX_WATCH_CHANNELS &&
    channels.every((c) => typeof c === 'string' && /^[\w-]{1,64}$/.test(c));
  if (channels !== undefined && !channelList && !full)
    problems.push(`channels must be a list of at most ${MAX_WATCH_CHANNELS} channel ids`);

  // A built-in watch's address is its kind's; its url and rule are not the user's to set.
  let url = spec?.builtIn?.url ?? '';
  let rule: WatchDef['rule'] = null;
  if (spec?.builtIn) {
    if (full && (raw.url !== undefined || raw.rule !== undefined)) problems.push(`a ${spec.kind} watch has no url or rule`);
  } else if (spec) {
    const checked = checkUrl(raw.url);
    if (typeof checked === 'string') url = checked;
    else problems.push(checked.problem);
    // A fresh copy: the spec's default is shared, a watch's rule is its own.
    const given = raw.rule ?? (spec.defaultRule && structuredClone(spec.defaultRule));
    const ruleProblems = full ? full(spec.kind as WatchKind, given) : shapeProblems(given, spec.ruleTypes);
    problems.push(...ruleProblems);
    if (ruleProblems.length === 0) rule = given as WatchDef['rule'];
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    watch: {
      name,
      kind: kind as WatchKind,
      url,
      rule,
      intervalMinutes: minutes as number,
      notify: (raw.notify as boolean | undefined) ?? true,
      enabled: (raw.enabled as boolean | undefined) ?? true,
      ...(render && { render: true }),
      ...(channelList && !full && { channels: [...new Set(channels as string[])] }),
    },
  };
}

function shapeProblems(rule: unknown, types: readonly string[]): string[] {
  if (!isObject(rule) || !types.includes(rule.type as string)) return [`rule type must be ${types.join(' or ')}`];
  return JSON.stringify(rule).length > MAX_RULE_BYTES ? ['rule is too large'] : [];
}

/** The worker's check (a stored watch, a page's request): shapes only. */
export const checkWatchShape = (input: unknown): Checked => checkWatch(input);
