import { CHATGPT_ORIGIN } from './kinds/chatgpt-plus/urls';
import { validateJsonRule } from './kinds/json/validate-json-rule';
import { validateTextRule } from './kinds/page/validate-text-rule';
import { MAX_INTERVAL_MS, MIN_INTERVAL_MS } from './schedule';
import {
  checkUrl,
  DEFAULT_CHATGPT_INTERVAL_MINUTES,
  DEFAULT_PAGE_INTERVAL_MINUTES,
  MAX_NAME_LENGTH,
  WATCH_KINDS,
  type WatchDef,
  type WatchKind,
  type WatchRule,
} from './watch-def';

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
  if (!(WATCH_KINDS as readonly unknown[]).includes(kind)) problems.push(`kind must be one of ${WATCH_KINDS.join(', ')}`);
  const name = typeof raw.name === 'string' ? raw.name.trim() : '';
  if (!name) problems.push('name must be non-empty text');
  else if (name.length > MAX_NAME_LENGTH) problems.push(`name is longer than ${MAX_NAME_LENGTH} characters`);

  const defaultMinutes = kind === 'chatgpt-plus' ? DEFAULT_CHATGPT_INTERVAL_MINUTES : DEFAULT_PAGE_INTERVAL_MINUTES;
  const intervalMinutes = raw.intervalMinutes ?? defaultMinutes;
  if (typeof intervalMinutes !== 'number' || !Number.isFinite(intervalMinutes)) problems.push('intervalMinutes must be a number');
  else if (intervalMinutes * 60_000 < MIN_INTERVAL_MS || intervalMinutes * 60_000 > MAX_INTERVAL_MS) {
    problems.push('intervalMinutes must be between 0.5 and 60');
  }
  for (const key of ['notify', 'enabled'] as const) {
    if (raw[key] !== undefined && typeof raw[key] !== 'boolean') problems.push(`${key} must be true or false`);
  }

  let url = `${CHATGPT_ORIGIN}/`;
  let rule: WatchRule | null = null;
  if (kind === 'chatgpt-plus') {
    if (raw.url !== undefined || raw.rule !== undefined) problems.push('a chatgpt-plus watch has no url or rule');
  } else if (kind === 'page' || kind === 'json') {
    const checked = checkUrl(raw.url);
    if (typeof checked === 'string') url = checked;
    else problems.push(checked.problem);
    const ruleInput = raw.rule ?? (kind === 'page' ? { type: 'auto' } : undefined);
    const ruleProblems = ruleProblemsFor(kind, ruleInput, isValidSelector);
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

function ruleProblemsFor(kind: 'page' | 'json', rule: unknown, isValidSelector?: (selector: string) => boolean): string[] {
  if (kind === 'json') return validateJsonRule(rule);
  if (typeof rule === 'object' && rule !== null && (rule as { type?: unknown }).type === 'auto') {
    return Object.keys(rule).length === 1 ? [] : ['an auto rule has no other fields'];
  }
  return validateTextRule(rule, isValidSelector).map((p) => (p === 'rule type must be "text"' ? 'rule type must be "auto" or "text"' : p));
}
