import { isHiddenInTree } from '../kinds/page/read/visible-text';

// Wider / Narrower / siblings for the picker's selection, on any DOM. Body is as wide as it goes:
// a rule scoped to <html> would read <head> too.

const isElement = (node: Element | null | undefined): node is Element => !!node;
const shows = (el: Element) => !isHiddenInTree(el);

/** The parent, or null at body (or outside it). */
export function wider(el: Element): Element | null {
  if (el.localName === 'body' || el.localName === 'html') return null;
  const parent = el.parentElement;
  return parent && parent.localName !== 'html' ? parent : null;
}

/**
 * The child that leads back towards `toward` (the element first picked), so Narrower undoes Wider;
 * past it, or without one, the first child that shows. Null when there is none.
 */
export function narrower(el: Element, toward?: Element | null): Element | null {
  if (toward && toward !== el && el.contains(toward)) {
    let at: Element = toward;
    while (at.parentElement && at.parentElement !== el) at = at.parentElement;
    return at;
  }
  return [...el.children].find(shows) ?? null;
}

/** The previous or next sibling that shows, or null. */
export function sibling(el: Element, direction: 'previous' | 'next'): Element | null {
  if (el.localName === 'body' || el.localName === 'html') return null;
  const next = (at: Element) => (direction === 'next' ? at.nextElementSibling : at.previousElementSibling);
  for (let at = next(el); isElement(at); at = next(at)) if (shows(at)) return at;
  return null;
}
