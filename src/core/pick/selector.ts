import { cssIdent, cssString } from './css-escape';
import { isStableClass, isStableId, isStableValue } from './stable-names';

/** Attributes sites put on elements for their own tests: named on purpose, so they outlive redesigns. */
export const TEST_ATTRIBUTES = ['data-testid', 'data-test', 'data-test-id', 'data-qa', 'data-cy', 'data-automation-id'] as const;
/** A text rule's selector limit (src/core/kinds/page/check/validate-text-rule.ts). */
export const MAX_SELECTOR_LENGTH = 500;
/** How far up an anchor is looked for before the path from body is used instead. */
const MAX_ANCESTORS = 12;
/** Class names tried per element (pairs of them grow quadratically). */
const MAX_CLASSES = 5;

/** Whether the selector matches this element and nothing else in its document. */
export function matchesOnly(selector: string, el: Element): boolean {
  try {
    const all = el.ownerDocument.querySelectorAll(selector);
    return all.length === 1 && all[0] === el;
  } catch {
    return false; // not valid CSS
  }
}

const tagOf = (el: Element) => cssIdent(el.localName);
const isRoot = (el: Element) => el.localName === 'body' || el.localName === 'html';
const stableClasses = (el: Element) => [...new Set(el.classList)].filter(isStableClass).slice(0, MAX_CLASSES);

/** Selectors naming an element by its own stable names, most robust first: id, test attribute, classes. */
function ownSelectors(el: Element): string[] {
  const found: string[] = [];
  const id = el.getAttribute('id');
  if (id && isStableId(id)) found.push(`#${cssIdent(id)}`);
  for (const attribute of TEST_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value !== null && isStableValue(value)) found.push(`[${attribute}=${cssString(value)}]`);
  }
  const classes = stableClasses(el).map((c) => `.${cssIdent(c)}`);
  found.push(...classes, ...classes.map((c) => `${tagOf(el)}${c}`));
  classes.forEach((a, i) => {
    for (const b of classes.slice(i + 1)) found.push(`${a}${b}`);
  });
  return found;
}

/**
 * One step of a path: the element among its parent's children, by tag alone when it is the only
 * one of its kind, else by a class no same-tag sibling shares, else by position.
 */
function step(el: Element): string {
  const tag = tagOf(el);
  const parent = el.parentElement;
  if (!parent) return tag;
  const same = [...parent.children].filter((c) => c.localName === el.localName);
  if (same.length === 1) return tag;
  for (const name of stableClasses(el)) {
    if (same.filter((c) => c.classList.contains(name)).length === 1) return `${tag}.${cssIdent(name)}`;
  }
  return `${tag}:nth-of-type(${same.indexOf(el) + 1})`;
}

/** The steps from just below `top` down to `el`, outermost first. */
function stepsBelow(el: Element, top: Element): string[] {
  const steps: string[] = [];
  for (let at: Element | null = el; at && at !== top; at = at.parentElement) steps.unshift(step(at));
  return steps;
}

/** Ways to reach `el` from an anchor: as any descendant, then by the last steps of its path, then the whole path. */
function fromAnchor(anchor: string, el: Element, steps: string[]): string[] {
  const leaves = [...ownSelectors(el).filter((s) => !s.startsWith('#')), tagOf(el), steps[steps.length - 1] ?? tagOf(el)];
  const tails = steps.map((_, i) => steps.slice(-(i + 1)).join(' > '));
  return [...leaves.map((leaf) => `${anchor} ${leaf}`), ...tails.map((tail) => `${anchor} ${tail}`), `${anchor} > ${steps.join(' > ')}`];
}

const fits = (selector: string, el: Element) => selector.length <= MAX_SELECTOR_LENGTH && matchesOnly(selector, el);
const shortest = (selectors: string[]) => selectors.reduce((a, b) => (b.length < a.length ? b : a));

/**
 * A CSS selector for the element that should still find it after a reload and a deploy: its own
 * stable id, test attribute or class; else a short path from the nearest ancestor that has one;
 * else the shortest unique path from body. Every answer is verified to match this element alone.
 * Null when the element is not in a document, or no selector within the rule's limit is unique.
 */
export function robustSelector(el: Element): string | null {
  if (!el.isConnected) return null;
  if (isRoot(el)) return el.localName === 'body' ? 'body' : null;
  const own = ownSelectors(el).find((s) => fits(s, el));
  if (own) return own;

  let depth = 0;
  for (
    let anchorEl = el.parentElement;
    anchorEl && !isRoot(anchorEl) && depth < MAX_ANCESTORS;
    anchorEl = anchorEl.parentElement, depth++
  ) {
    const steps = stepsBelow(el, anchorEl);
    // An id beats a test attribute beats a class at the same ancestor; among one anchor's ways, the shortest.
    for (const anchor of ownSelectors(anchorEl)) {
      const unique = fromAnchor(anchor, el, steps).filter((s) => fits(s, el));
      if (unique.length) return shortest(unique);
    }
  }

  const body = el.ownerDocument.body;
  if (!body?.contains(el)) return null;
  const steps = stepsBelow(el, body);
  for (let i = 1; i <= steps.length; i++) {
    const tail = steps.slice(-i).join(' > ');
    if (fits(tail, el)) return tail;
  }
  return [`body > ${steps.join(' > ')}`, ...skipping(steps)].find((s) => fits(s, el)) ?? null;
}

/**
 * A deep path too long for the rule, shortened: only the steps that tell siblings apart, joined as
 * descendants, from body's child. Tried only when the exact path is over the limit or fails.
 */
function skipping(steps: string[]): string[] {
  const [top, ...rest] = steps;
  if (top === undefined) return [];
  const leaf = rest.pop();
  const telling = rest.filter((s) => /[.:]/.test(s));
  const path = [...telling, ...(leaf === undefined ? [] : [leaf])].join(' ');
  return path ? [`body > ${top} ${path}`] : [];
}
