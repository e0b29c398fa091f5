// The watch editor's fields and their conversion to and from a WatchInput (the import/export field
// names the worker validates). Pure: no DOM, no browser APIs; the problems are message keys so the
// page shows them in the user's language.
import { JSON_TESTS, type JsonTest, TESTS_WITH_VALUE } from '../core/kinds/json/json-tests';
import { HEADER_NAME, MAX_HEADER_VALUE } from '../core/kinds/json/secret-header';
import { isMatchable, normalizeForMatch } from '../core/kinds/page/phrase-match';
import { specOf, type WatchKind } from '../core/kinds/registry';
import { sameValue } from '../core/same-value';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../core/schedule';
import { checkUrl, MAX_NAME_LENGTH, MAX_URL_LENGTH, type WatchDef } from '../core/watch-def';
import { validateWatchInput } from '../core/watch-input';
import type { MessageKey } from '../shared/i18n';

/** What the form holds: text as typed, so an unfinished edit is never lost or reformatted. */
export interface WatchForm {
  name: string;
  kind: WatchKind;
  url: string;
  ruleType: 'auto' | 'text';
  selector: string;
  /** One phrase per line. */
  pausedWhen: string;
  openWhen: string;
  mustShow: string;
  pointer: string;
  test: JsonTest;
  /** A JSON value (`5`, `true`, `"in stock"`) or bare text. */
  value: string;
  /** Minutes, as typed. */
  interval: string;
  notify: boolean;
  enabled: boolean;
  headerName: string;
  /** Empty while editing means "keep the saved value". */
  headerValue: string;
}

/** A problem shown to the user: a message key (localised), or the validator's own words as a fallback. */
export type Problem = { key: MessageKey; args?: Array<string | number> } | { text: string };

/** What to do with a JSON watch's request header after saving. */
export type HeaderChange = { action: 'keep' } | { action: 'remove' } | { action: 'set'; header: { name: string; value: string } };

export type FormResult =
  | { ok: true; input: Record<string, unknown>; watch: Omit<WatchDef, 'id'>; header: HeaderChange }
  | { ok: false; problems: Problem[] };

export { HEADER_NAME, MAX_HEADER_VALUE } from '../core/kinds/json/secret-header';
export { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../core/schedule';

export function emptyForm(): WatchForm {
  return {
    name: '',
    kind: 'page',
    url: '',
    ruleType: 'auto',
    selector: '',
    pausedWhen: '',
    openWhen: '',
    mustShow: '',
    pointer: '',
    test: 'truthy',
    value: '',
    interval: String(specOf('page').defaultIntervalMinutes),
    notify: true,
    enabled: true,
    headerName: '',
    headerValue: '',
  };
}

/** The form for editing a stored watch; the header's value is never read back, only its name. */
export function formFromWatch(def: WatchDef, savedHeaderName: string | null = null): WatchForm {
  const form: WatchForm = {
    ...emptyForm(),
    name: def.name,
    kind: def.kind,
    url: specOf(def.kind).builtIn ? '' : def.url,
    interval: String(def.intervalMinutes),
    notify: def.notify,
    enabled: def.enabled,
    headerName: savedHeaderName ?? '',
  };
  const rule = def.rule;
  if (rule?.type === 'text') {
    Object.assign(form, {
      ruleType: 'text',
      selector: rule.selector ?? '',
      pausedWhen: phrasesText(rule.pausedWhen),
      openWhen: phrasesText(rule.openWhen),
      mustShow: rule.mustShow ?? '',
    });
  } else if (rule?.type === 'json') {
    Object.assign(form, { pointer: rule.pointer, test: rule.test, value: valueText(rule.value) });
  }
  return form;
}

/** One phrase per line: trimmed, blank lines dropped, repeats (same words, any case) kept once. */
export function parsePhrases(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const phrase = line.trim();
    const key = normalizeForMatch(phrase).trim();
    if (!phrase || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out;
}

export const phrasesText = (list: readonly string[] | undefined) => (list ?? []).join('\n');

/** Minutes between 0.5 and 60; a comma works as the decimal mark too. Null when not a valid interval. */
export function parseInterval(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES ? minutes : null;
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * The value a JSON test compares with. atLeast/atMost take a number; the others take what the text
 * reads as JSON (`5`, `true`, `null`, `"5"`), else the text itself, so `in_stock` needs no quotes.
 */
export function parseValue(test: JsonTest, text: string): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  if (!TESTS_WITH_VALUE.has(test)) return { ok: true, value: undefined };
  const trimmed = text.trim();
  if (test === 'atLeast' || test === 'atMost') {
    const normalized = trimmed.replace(',', '.');
    const number = /^-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?$/i.test(normalized) ? Number(normalized) : Number.NaN;
    return Number.isFinite(number) ? { ok: true, value: number } : { ok: false, problem: { key: 'optionsProblemValueNumber' } };
  }
  if (trimmed === '') return { ok: false, problem: { key: 'optionsProblemValueNeeded' } };
  const parsed = parseJson(trimmed);
  if (parsed.ok && (isScalar(parsed.value) || test !== 'contains')) return { ok: true, value: parsed.value };
  return { ok: true, value: trimmed };
}

/** The inverse of parseValue: text that reads back as the same value. */
export function valueText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') {
    const bare = value === value.trim() && value !== '' && !parseJson(value).ok;
    return bare ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}

/** Whether the header fields mean keep, remove or set, given the name of the header already saved. */
export function headerChange(
  form: Pick<WatchForm, 'kind' | 'headerName' | 'headerValue'>,
  savedName: string | null,
): HeaderChange | Problem {
  if (form.kind !== 'json') return { action: 'keep' };
  const name = form.headerName.trim();
  const value = form.headerValue.trim();
  if (!name && !value) return savedName ? { action: 'remove' } : { action: 'keep' };
  if (!HEADER_NAME.test(name)) return { key: 'optionsProblemHeaderName' };
  if (!value)
    return savedName !== null && savedName.toLowerCase() === name.toLowerCase() ? { action: 'keep' } : { key: 'optionsProblemHeaderValue' };
  if (value.length > MAX_HEADER_VALUE || /[\r\n\0]/.test(value)) return { key: 'optionsProblemHeaderValue' };
  return { action: 'set', header: { name, value } };
}

/** A typed address without a scheme ("shop.example/item") is read as https. */
export function normalizeUrlText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}

/** What is wrong with a typed address, if anything, as a message key. */
function addressProblem(text: string): MessageKey | null {
  // Chrome's URL parser escapes spaces in a host instead of refusing them: "not an address" is no address.
  if (/\s/.test(text) || !URL.canParse(text)) return 'optionsProblemUrl';
  const url = new URL(text);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'optionsProblemUrl';
  if (url.username || url.password) return 'optionsProblemUrlCredentials';
  if (url.href.length > MAX_URL_LENGTH) return 'optionsProblemUrlLong';
  return null;
}

function pageRule(form: WatchForm, problems: Problem[], isValidSelector?: (selector: string) => boolean): Record<string, unknown> {
  if (form.ruleType === 'auto') return { type: 'auto' };
  const rule: Record<string, unknown> = { type: 'text' };
  const selector = form.selector.trim();
  if (selector) {
    if (/[{}]/.test(selector) || (isValidSelector && !isValidSelector(selector)))
      problems.push({ key: 'optionsProblemSelector', args: [selector] });
    rule.selector = selector;
  }
  const pausedWhen = parsePhrases(form.pausedWhen);
  const openWhen = parsePhrases(form.openWhen);
  if (pausedWhen.length) rule.pausedWhen = pausedWhen;
  if (openWhen.length) rule.openWhen = openWhen;
  if (!pausedWhen.length && !openWhen.length) problems.push({ key: 'optionsProblemPhrases' });
  for (const phrase of [...pausedWhen, ...openWhen])
    if (!isMatchable(phrase)) problems.push({ key: 'optionsProblemPhrase', args: [phrase] });
  const openKeys = new Set(openWhen.map((p) => normalizeForMatch(p).trim()));
  const both = pausedWhen.find((p) => openKeys.has(normalizeForMatch(p).trim()));
  if (both) problems.push({ key: 'optionsProblemBothLists', args: [both] });
  const mustShow = form.mustShow.trim();
  if (mustShow) {
    if (!isMatchable(mustShow)) problems.push({ key: 'optionsProblemPhrase', args: [mustShow] });
    rule.mustShow = mustShow;
  }
  return rule;
}

function jsonRule(form: WatchForm, problems: Problem[]): Record<string, unknown> {
  const pointer = form.pointer.trim();
  if (pointer !== '' && !pointer.startsWith('/')) problems.push({ key: 'optionsProblemPointer' });
  const test = (JSON_TESTS as readonly string[]).includes(form.test) ? form.test : 'truthy';
  const rule: Record<string, unknown> = { type: 'json', pointer, test };
  const value = parseValue(test, form.value);
  if (!value.ok) problems.push(value.problem);
  else if (value.value !== undefined) rule.value = value.value;
  return rule;
}

/**
 * Reads the form into a WatchInput, checking what a person is likely to get wrong in their own
 * language first, then the same validator the worker and import use (its words as a fallback).
 */
export function formToInput(
  form: WatchForm,
  options: { savedHeaderName?: string | null; isValidSelector?: (selector: string) => boolean } = {},
): FormResult {
  const problems: Problem[] = [];
  const intervalMinutes = parseInterval(form.interval);
  if (intervalMinutes === null) problems.push({ key: 'optionsProblemInterval', args: [MIN_INTERVAL_MINUTES, MAX_INTERVAL_MINUTES] });
  const spec = specOf(form.kind);
  const common = { intervalMinutes: intervalMinutes ?? spec.defaultIntervalMinutes, notify: form.notify, enabled: form.enabled };

  let input: Record<string, unknown>;
  if (spec.builtIn) {
    input = { name: form.name.trim() || spec.builtIn.name, kind: form.kind, ...common };
  } else {
    const name = form.name.trim();
    if (!name) problems.push({ key: 'optionsProblemName' });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ key: 'optionsProblemNameLong', args: [MAX_NAME_LENGTH] });
    const urlText = normalizeUrlText(form.url);
    const urlProblem = addressProblem(urlText);
    if (urlProblem) problems.push({ key: urlProblem });
    const checked = urlProblem ? null : checkUrl(urlText);
    const rule = form.kind === 'json' ? jsonRule(form, problems) : pageRule(form, problems, options.isValidSelector);
    input = { name, kind: form.kind, url: typeof checked === 'string' ? checked : urlText, rule, ...common };
  }

  const header = headerChange(form, options.savedHeaderName ?? null);
  if (!('action' in header)) problems.push(header);
  // A secret goes over https only (the worker would refuse to send it).
  else if (header.action === 'set' && !normalizeUrlText(form.url).startsWith('https://'))
    problems.push({ key: 'optionsProblemHeaderHttps' });
  if (problems.length > 0) return { ok: false, problems };

  const validated = validateWatchInput(input, options.isValidSelector);
  if (!validated.ok) return { ok: false, problems: validated.problems.map((text) => ({ text })) };
  return { ok: true, input, watch: validated.watch, header: header as HeaderChange };
}

/** The fields update-watch may change: the built-in watch takes only its interval and switches. */
export function changesFor(input: Record<string, unknown>, saved?: WatchDef): Record<string, unknown> {
  const { intervalMinutes, notify, enabled } = input;
  // A built-in watch's name, address and rule are its kind's.
  if (specOf(input.kind as WatchKind).builtIn) return { intervalMinutes, notify, enabled };
  // A rule the form only tidied (an imported phrase with spaces around it, an empty list) is the
  // saved rule: sending the tidied one would read as a new question and reset what the watch knows.
  const untouched = saved !== undefined && saved.kind === input.kind && sameValue(input.rule, ruleAsFormReads(saved));
  return { name: input.name, url: input.url, ...(!untouched && { rule: input.rule }), intervalMinutes, notify, enabled };
}

/** The rule a saved watch shows in the form, read back as the form would send it. */
function ruleAsFormReads(def: WatchDef): unknown {
  const result = formToInput(formFromWatch(def));
  return result.ok ? result.input.rule : undefined;
}

/** The display order with one watch moved up (-1) or down (+1); null at either end. */
export function moveWatch(ids: readonly string[], id: string, delta: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
