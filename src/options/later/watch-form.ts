// The watch editor's fields and their conversion to and from a WatchInput (the import/export field
// names the worker validates): what every kind shares here, each kind's own fields and rule in its
// face (./kinds/; their sections come along but only the editor renders them). It calls no DOM or
// browser API; the problems are message keys so the page shows them in the user's language.

import { validateWatchInput } from '../../core/kinds/check/watch-input';
import { HEADER_NAME, MAX_HEADER_VALUE } from '../../core/kinds/json/secret-header';
import { specOf, WATCH_KINDS, type WatchKind } from '../../core/kinds/registry';
import { sameValue } from '../../core/same-value';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../../core/schedule';
import { checkUrl, MAX_NAME_LENGTH, MAX_URL_LENGTH, MIN_RENDER_INTERVAL_MINUTES, type WatchDef } from '../../core/watch-def';
import type { MessageKey } from '../../shared/i18n';
import { emptyKindFields, faceOf, type KindFields } from './kinds';

/** What every watch's form holds: text as typed, so an unfinished edit is never lost or reformatted. */
interface SharedFields {
  name: string;
  kind: WatchKind;
  url: string;
  /** Minutes, as typed. */
  interval: string;
  notify: boolean;
  enabled: boolean;
  /** Read after the page's scripts ran, for kinds whose spec `renders`. */
  render: boolean;
  /** The secret request header, for kinds whose spec allows one (`secretHeader`). */
  headerName: string;
  /** Empty while editing means "keep the saved value". */
  headerValue: string;
}

/** The whole form: the shared fields and every kind's own (./kinds/). */
export type WatchForm = SharedFields & KindFields;

/** The kinds a user adds, in the registry's order (a built-in kind exists once and is never added). */
export const ADDABLE_KINDS = WATCH_KINDS.filter((kind) => !specOf(kind).builtIn);

/** A problem shown to the user: a message key (localised), or the validator's own words as a fallback. */
export type { Problem } from '../problem';

import type { Problem } from '../problem';

/** What to do with a watch's secret request header after saving. */
export type HeaderChange = { action: 'keep' } | { action: 'remove' } | { action: 'set'; header: { name: string; value: string } };

export type FormResult =
  | { ok: true; input: Record<string, unknown>; watch: Omit<WatchDef, 'id'>; header: HeaderChange }
  | { ok: false; problems: Problem[] };

export { HEADER_NAME, MAX_HEADER_VALUE } from '../../core/kinds/json/secret-header';
export { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from '../../core/schedule';

export function emptyForm(kind: WatchKind = ADDABLE_KINDS[0] as WatchKind): WatchForm {
  return {
    name: '',
    kind,
    url: '',
    ...emptyKindFields(),
    interval: String(specOf(kind).defaultIntervalMinutes),
    notify: true,
    enabled: true,
    render: false,
    headerName: '',
    headerValue: '',
  };
}

/** The form for editing a stored watch; the header's value is never read back, only its name. */
export function formFromWatch(def: WatchDef, savedHeaderName: string | null = null): WatchForm {
  return {
    ...emptyForm(),
    name: def.name,
    kind: def.kind,
    url: specOf(def.kind).builtIn ? '' : def.url,
    interval: String(def.intervalMinutes),
    notify: def.notify,
    enabled: def.enabled,
    render: def.render === true,
    headerName: savedHeaderName ?? '',
    ...faceOf(def.kind).fromRule(def.rule),
  };
}

/** Minutes between 0.5 and 60; a comma works as the decimal mark too. Null when not a valid interval. */
export function parseInterval(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(?:\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const minutes = Number(trimmed);
  return minutes >= MIN_INTERVAL_MINUTES && minutes <= MAX_INTERVAL_MINUTES ? minutes : null;
}

/** Whether the header fields mean keep, remove or set, given the name of the header already saved. */
export function headerChange(
  form: Pick<WatchForm, 'kind' | 'headerName' | 'headerValue'>,
  savedName: string | null,
): HeaderChange | Problem {
  if (!specOf(form.kind).secretHeader) return { action: 'keep' };
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

function fallbackName(pageTitle: string | undefined, url: string | { problem: string } | null): string {
  const title = pageTitle?.trim().slice(0, MAX_NAME_LENGTH);
  return title || (typeof url === 'string' ? new URL(url).host : '');
}

/**
 * Reads the form into a WatchInput, checking what a person is likely to get wrong in their own
 * language first, then the same validator the worker and import use (its words as a fallback).
 */
export function formToInput(
  form: WatchForm,
  options: { savedHeaderName?: string | null; isValidSelector?: (selector: string) => boolean; pageTitle?: string } = {},
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
    const urlText = normalizeUrlText(form.url);
    const urlProblem = addressProblem(urlText);
    const checked = urlProblem ? null : checkUrl(urlText);
    // No name typed: the page's title once a Test has read it, else the site's name; either can be edited.
    const name = form.name.trim() || fallbackName(options.pageTitle, checked);
    if (!name) problems.push({ key: 'optionsProblemName' });
    else if (name.length > MAX_NAME_LENGTH) problems.push({ key: 'optionsProblemNameLong', args: [MAX_NAME_LENGTH] });
    if (urlProblem) problems.push({ key: urlProblem });
    const rule = faceOf(form.kind).toRule?.(form, problems, options.isValidSelector) ?? null;
    const render = spec.renders === true && form.render;
    if (render && intervalMinutes !== null && intervalMinutes < MIN_RENDER_INTERVAL_MINUTES)
      problems.push({ key: 'optionsProblemRenderInterval', args: [MIN_RENDER_INTERVAL_MINUTES] });
    input = {
      name,
      kind: form.kind,
      url: typeof checked === 'string' ? checked : urlText,
      rule,
      ...common,
      ...(render && { render: true }),
    };
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
  const render = input.render === true;
  return { name: input.name, url: input.url, ...(!untouched && { rule: input.rule }), intervalMinutes, notify, enabled, render };
}

/** The rule a saved watch shows in the form, read back as the form would send it. */
function ruleAsFormReads(def: WatchDef): unknown {
  const result = formToInput(formFromWatch(def));
  return result.ok ? result.input.rule : undefined;
}
