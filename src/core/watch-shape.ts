import { isWatchKind, specOf, WATCH_KINDS } from './kinds/registry';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './schedule';
import { isObject } from './stored-fields';
import { checkUrl, MAX_NAME_LENGTH, MAX_WATCH_CHANNELS, MAX_WATCHES, type WatchDef } from './watch-def';

/** A rule larger than this is not a rule someone wrote (phrase lists are capped far below it). */
const MAX_RULE_BYTES = 8 * 1024;
export const WATCH_FILE_FORMAT = 'reopen-watch/watches';
export const WATCH_FILE_VERSION = 1;

/**
 * The worker's check of a watch from storage or from one of the extension's pages: the shape of
 * every field, not the wording of a rule's phrases or pointer (the pages validate those in full
 * with watch-input.ts before sending, and a rule damaged since reads "can't tell", never open).
 * Kept small on purpose: it runs in Chrome's service worker, whose code budget is tight.
 */
export function checkWatchShape(raw: unknown): { ok: true; watch: Omit<WatchDef, 'id'> } | { ok: false; problems: string[] } {
  if (!isObject(raw)) return { ok: false, problems: ['a watch must be an object'] };
  const problems: string[] = [];
  const kind = raw.kind as WatchDef['kind'];
  const spec = isWatchKind(kind) ? specOf(kind) : null;
  if (!spec) problems.push(`kind must be one of ${WATCH_KINDS.join(', ')}`);
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name || name.length > MAX_NAME_LENGTH) problems.push(`name must be text of 1 to ${MAX_NAME_LENGTH} characters`);
  const minutes = raw.intervalMinutes ?? spec?.defaultIntervalMinutes ?? 5;
  if (typeof minutes !== 'number' || !(minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES))
    problems.push(`intervalMinutes must be between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES}`);
  for (const key of ['notify', 'enabled'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.push(`${key} must be true or false`);
  }
  // null (or absent) is every channel; a list names the channels by id.
  const channels = raw.channels ?? undefined;
  const channelList =
    Array.isArray(channels) &&
    channels.length <= MAX_WATCH_CHANNELS &&
    channels.every((c) => typeof c === 'string' && /^[\w-]{1,64}$/.test(c));
  if (channels !== undefined && !channelList) problems.push(`channels must be a list of at most ${MAX_WATCH_CHANNELS} channel ids`);
  // A built-in watch's address is its kind's; its url and rule, if given, are not the user's to set.
  let url = spec?.builtIn?.url ?? '';
  let rule: WatchDef['rule'] = null;
  if (spec && !spec.builtIn) {
    const checked = checkUrl(raw.url);
    if (typeof checked === 'string') url = checked;
    else problems.push(checked.problem);
    const given = raw.rule ?? spec.defaultRule;
    const types = spec.ruleTypes;
    if (!isObject(given) || !types.includes(given.type as string)) problems.push(`rule type must be ${types.join(' or ')}`);
    else if (JSON.stringify(given).length > MAX_RULE_BYTES) problems.push('rule is too large');
    else rule = given as WatchDef['rule'];
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    watch: {
      name,
      kind,
      url,
      rule,
      intervalMinutes: minutes as number,
      notify: (raw.notify as boolean) ?? true,
      enabled: (raw.enabled as boolean) ?? true,
      ...(channelList && { channels: [...new Set(channels as string[])] }),
    },
  };
}

/** A watch file's envelope and the shape of each watch, all or nothing. */
export function checkWatchFile(file: unknown): { ok: true; watches: Array<Omit<WatchDef, 'id'>> } | { ok: false; problems: string[] } {
  if (!isObject(file) || file.format !== WATCH_FILE_FORMAT) return { ok: false, problems: [`"format" must be "${WATCH_FILE_FORMAT}"`] };
  if (file.version !== WATCH_FILE_VERSION) return { ok: false, problems: [`"version" must be ${WATCH_FILE_VERSION}`] };
  if (!Array.isArray(file.watches) || file.watches.length === 0) return { ok: false, problems: ['"watches" must be a non-empty list'] };
  if (file.watches.length > MAX_WATCHES) return { ok: false, problems: [`at most ${MAX_WATCHES} watches`] };
  const problems: string[] = [];
  const watches: Array<Omit<WatchDef, 'id'>> = [];
  file.watches.forEach((input, index) => {
    // Channel ids belong to the browser that wrote the file: an imported watch alerts every channel here.
    const { channels: _local, ...portable } = isObject(input) ? input : { channels: undefined };
    const checked = checkWatchShape(isObject(input) ? portable : input);
    if (checked.ok) watches.push(checked.watch);
    else problems.push(...checked.problems.map((p) => `watch ${index + 1}: ${p}`));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, watches };
}
