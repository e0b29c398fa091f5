import { type CompiledPhrases, compilePhrases, findPhrases, isMatchable, normalizeForMatch, signalsIn } from '../check/phrase-match';
import type { Reading } from '../reasons';
import { bothShown, clip, listPhrases, quote, reading } from './evidence';
import { say } from './evidence-en';
import { classifyResponse, type FetchedResponse, isHtmlResponse } from './page-response';
import { hasReadableText, VISIBLE_TEXT_CAP, type VisibleText, visibleText } from './visible-text';

/** The user's own phrases, optionally scoped to a CSS selector (import/export contract). */
export interface TextRule {
  type: 'text';
  selector?: string;
  pausedWhen?: string[];
  openWhen?: string[];
  mustShow?: string;
}

const phrasesOf = (list: readonly string[] | undefined) => (list ?? []).filter((p) => typeof p === 'string' && isMatchable(p));

/** The visible text of everything the selector matched, an element inside another matched one read once. */
function scopeText(elements: Element[]): VisibleText {
  const scope: VisibleText = { text: '', disabledText: '', truncated: false };
  let last: Element | null = null;
  for (const el of elements) {
    if (last?.contains(el)) continue; // document order: a nested match follows its container
    last = el;
    const seen = visibleText(el, VISIBLE_TEXT_CAP - scope.text.length);
    scope.text += `${seen.text}\n`;
    scope.disabledText += `${seen.disabledText}\n`;
    scope.truncated ||= seen.truncated;
    if (scope.text.length >= VISIBLE_TEXT_CAP) break;
  }
  return scope;
}

/** Whether a phrase shows anywhere on the page, disabled controls included: it proves the page, not availability. */
function showsAnywhere(page: VisibleText, phrase: string): boolean {
  const compiled = compilePhrases({ neutral: [phrase] });
  return [page.text, page.disabledText].some((text) => findPhrases(compiled, normalizeForMatch(text)).length > 0);
}

/**
 * The `text` rule, as DESIGN.md says: a paused phrase shown → paused, an open phrase shown → open,
 * both → can't tell. With only one list, its absence is read the other way, but only on a healthy
 * page: a 2xx HTML answer, no challenge, no sign-in redirect, the selector matched, `mustShow` shown,
 * and text that a script did not have to render. `mustShow`, when given, is required for any reading.
 */
export function readText(doc: Document, rule: TextRule, response: FetchedResponse, seen?: VisibleText): Reading {
  const pausedWhen = phrasesOf(rule.pausedWhen);
  const openWhen = phrasesOf(rule.openWhen);
  if (!pausedWhen.length && !openWhen.length) return reading('error', 'rule-invalid', say('evNoRulePhrases'));
  let compiled: CompiledPhrases;
  try {
    compiled = compilePhrases({ paused: pausedWhen, open: openWhen });
  } catch {
    return reading('error', 'rule-invalid', say('evPhraseInBoth'));
  }

  const selector = rule.selector?.trim() ?? '';
  const where = clip(selector, 40);
  // The whole page's text, when the caller has read it already (readPage does, for waiting rooms).
  let page: VisibleText | null = seen ?? null;
  const wholePage = () => {
    page ??= visibleText(doc);
    return page;
  };
  let scope: VisibleText;
  if (selector) {
    let matched: Element[];
    try {
      matched = [...doc.querySelectorAll(selector)];
    } catch {
      return reading('error', 'selector-invalid', say('evBadSelector', quote(selector)));
    }
    if (!matched.length) return reading('error', 'selector-missing', say('evNoMatch', quote(selector)));
    scope = scopeText(matched);
  } else {
    scope = wholePage();
  }

  const mustShow = rule.mustShow?.trim() ?? '';
  if (mustShow && isMatchable(mustShow) && !showsAnywhere(wholePage(), mustShow)) {
    return reading('error', 'must-show-missing', say('evNotShown', quote(mustShow)));
  }

  const { paused, open } = signalsIn(compiled, scope);
  const shown = (phrases: string[]) => (where ? say('evTextIn', listPhrases(phrases), where) : say('evText', listPhrases(phrases)));
  const notShown = (phrases: string[]) =>
    where ? say('evNotShownIn', listPhrases(phrases), where) : say('evNotShown', listPhrases(phrases));
  if (paused.length && open.length) return reading('error', 'conflicting-signals', bothShown(open[0] ?? '', paused[0] ?? '', where));
  if (paused.length) return reading('paused', 'text-paused', shown(paused));
  if (open.length) return reading('open', 'text-open', shown(open));

  if (pausedWhen.length && openWhen.length) {
    const neither = [quote(pausedWhen[0] ?? '', 30), quote(openWhen[0] ?? '', 30)] as const;
    return reading('error', 'no-signal', where ? say('evNeitherIn', ...neither, where) : say('evNeither', ...neither));
  }
  const unhealthy = unhealthyPage(response, wholePage());
  if (unhealthy) return unhealthy;
  if (pausedWhen.length) return reading('open', 'text-absent-open', notShown(pausedWhen));
  return reading('paused', 'text-absent-paused', notShown(openWhen));
}

/** Why absence cannot be trusted here, or null when the page is healthy enough to read it. */
function unhealthyPage(response: FetchedResponse, page: VisibleText): Reading | null {
  const early = classifyResponse(response);
  if (early) return early;
  if (!isHtmlResponse(response)) return reading('error', 'not-html', say('evNotHtml'));
  if (!hasReadableText(page)) return reading('error', 'needs-rendering', say('evScriptBuilt'));
  return null;
}
