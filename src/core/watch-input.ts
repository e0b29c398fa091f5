import { isWatchKind, specOf, WATCH_KINDS, type WatchKind } from './kinds/registry';
import { fullRuleProblems } from './kinds/rule-checks';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './schedule';
import { checkUrl, MAX_NAME_LENGTH, type WatchDef, type WatchRule } from './watch-def';

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

const INPUT_KEYS = new Set(['name', 'kind', 'url', 'rule', 'intervalMinutes', 'notify', 'enabled']);

/**
 * Checks one watch as the user (or a file) gave it and returns it normalised, or the problems in
 * plain English. `isValidSelector` checks CSS where a DOM exists.
 */
export function validateWatchInput(
  input: unknown,
  isValidSelector?: (selector: string) => boolean,
): { ok: true; watch: Omit<WatchDef, 'id'> } | { ok: false; problems: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: ['a watch must be an object'] };
  const raw = input as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(raw)) if (!INPUT_KEYS.has(key)) problems.push(`unknown field "${key}"`);
  const kind = raw.kind;
  if (!isWatchKind(kind)) problems.push(`kind must be one of ${WATCH_KINDS.join(', ')}`);
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) problems.push('name must be non-empty text');
  else if (name.length > MAX_NAME_LENGTH) problems.push(`name is longer than ${MAX_NAME_LENGTH} characters`);

  const spec = isWatchKind(kind) ? specOf(kind) : null;
  const intervalMinutes = raw.intervalMinutes ?? spec?.defaultIntervalMinutes ?? 5;
  if (typeof intervalMinutes !== 'number' || !Number.isFinite(intervalMinutes)) problems.push('intervalMinutes must be a number');
  else if (intervalMinutes < MIN_INTERVAL_MINUTES || intervalMinutes > MAX_INTERVAL_MINUTES) {
    problems.push(`intervalMinutes must be between ${MIN_INTERVAL_MINUTES} and ${MAX_INTERVAL_MINUTES}`);
  }
  for (const key of ['notify', 'enabled'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.push(`${key} must be true or false`);
  }

  let url = spec?.builtIn?.url ?? '';
  let rule: WatchRule | null = null;
  if (spec?.builtIn) {
    if (raw.url !== undefined || raw.rule !== undefined) problems.push(`a ${spec.kind} watch has no url or rule`);
  } else if (spec) {
    const checked = checkUrl(raw.url);
    if (typeof checked === 'string') url = checked;
    else problems.push(checked.problem);
    const ruleInput = raw.rule ?? spec.defaultRule;
    const ruleProblems = fullRuleProblems(spec.kind as WatchKind, ruleInput, isValidSelector);
    problems.push(...ruleProblems);
    if (ruleProblems.length === 0) rule = ruleInput as WatchRule;
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    watch: {
      name,
      kind: kind as WatchKind,
      url,
      rule,
      intervalMinutes: intervalMinutes as number,
      notify: (raw.notify as boolean | undefined) ?? true,
      enabled: (raw.enabled as boolean | undefined) ?? true,
    },
  };
}
