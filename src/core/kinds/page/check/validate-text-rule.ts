import { isMatchable, normalizeForMatch } from './phrase-match';

const KEYS = new Set(['type', 'selector', 'pausedWhen', 'openWhen', 'mustShow']);
const MAX_PHRASES = 20;
const MAX_PHRASE = 200;
const MAX_SELECTOR = 500;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Problems with a `text` rule, in plain English, for import and the options form; empty when valid.
 * `isValidSelector` checks CSS syntax where a DOM exists (the options page); without one only the
 * shape of the selector is checked.
 */
export function validateTextRule(rule: unknown, isValidSelector?: (selector: string) => boolean): string[] {
  if (!isObject(rule)) return ['rule must be an object'];
  const problems: string[] = [];
  if (rule.type !== 'text') problems.push('rule type must be "text"');
  for (const key of Object.keys(rule)) if (!KEYS.has(key)) problems.push(`unknown field "${key}" in a text rule`);

  if (rule.selector !== undefined) {
    const selector = rule.selector;
    if (typeof selector !== 'string' || !selector.trim()) problems.push('selector must be a non-empty CSS selector when given');
    else if (selector.length > MAX_SELECTOR) problems.push(`selector is longer than ${MAX_SELECTOR} characters`);
    else if (/[{}]/.test(selector) || (isValidSelector && !isValidSelector(selector)))
      problems.push(`selector "${selector}" is not valid CSS`);
  }

  const lists: Record<string, string[]> = {};
  for (const key of ['pausedWhen', 'openWhen'] as const) {
    const list = rule[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`${key} must be a list of phrases`);
      continue;
    }
    if (list.length > MAX_PHRASES) problems.push(`${key} has more than ${MAX_PHRASES} phrases`);
    list.forEach((phrase, i) => {
      if (typeof phrase !== 'string') problems.push(`${key}[${i}] must be text`);
      else if (!isMatchable(phrase)) problems.push(`${key}[${i}] has no letters or digits to look for`);
      else if (phrase.length > MAX_PHRASE) problems.push(`${key}[${i}] is longer than ${MAX_PHRASE} characters`);
    });
    lists[key] = list.filter((p): p is string => typeof p === 'string').map((p) => normalizeForMatch(p).trim());
  }
  if (!lists.pausedWhen?.length && !lists.openWhen?.length)
    problems.push('a text rule needs at least one phrase in pausedWhen or openWhen');
  const both = (lists.pausedWhen ?? []).filter((p) => p && lists.openWhen?.includes(p));
  if (both.length) problems.push(`"${both[0]}" is in both pausedWhen and openWhen`);

  if (rule.mustShow !== undefined) {
    const mustShow = rule.mustShow;
    if (typeof mustShow !== 'string' || !isMatchable(mustShow))
      problems.push('mustShow must be a phrase with letters or digits when given');
    else if (mustShow.length > MAX_PHRASE) problems.push(`mustShow is longer than ${MAX_PHRASE} characters`);
  }
  return problems;
}
