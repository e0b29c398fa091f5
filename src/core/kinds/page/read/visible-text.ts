/**
 * The text a person would see on a parsed page, without layout: jsdom and a DOMParser document have
 * no `innerText`, and no CSS is applied, so only what the markup itself hides is skipped.
 */

export interface VisibleText {
  /** Visible text; block elements are separated by line breaks so phrases never join across them. */
  text: string;
  /** Text of disabled buttons ("Add to cart" greyed out): never an open signal. */
  disabledText: string;
  /** True when the cap was reached and the rest of the page was not read. */
  truncated: boolean;
}

/** 512 Ki characters: far more than any product page says, and keeps a huge page linear and quick. */
export const VISIBLE_TEXT_CAP = 512 * 1024;

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;

/** Never rendered as text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'head',
  'title',
  'datalist',
  'textarea',
]);

/** Elements that start a new line; inline ones (span, a, b…) run on. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'button',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'input',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'option',
  'p',
  'pre',
  'section',
  'select',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const CONTROLS = new Set(['button', 'input', 'select', 'option']);
const BUTTON_LIKE = new Set(['button', 'a', 'input']);
const BUTTON_INPUTS = new Set(['submit', 'button']);
const DISABLED_CLASSES = new Set(['disabled', 'is-disabled', 'btn-disabled']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

/** Hidden by its own markup: `hidden`, `aria-hidden`, inline style, a closed dialog, a hidden input. */
export function isHiddenElement(el: Element): boolean {
  const name = el.localName;
  if (name === 'dialog' && !el.hasAttribute('open')) return true;
  // Most elements carry no attributes at all: one call settles them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (name === 'input' && el.getAttribute('type')?.toLowerCase() === 'hidden') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** A control that cannot be used, by attribute, ARIA, or the usual `disabled` class on a button-like link. */
function isDisabled(el: Element, name: string, inDisabledFieldset: boolean): boolean {
  if (inDisabledFieldset && CONTROLS.has(name)) return true;
  if (!el.hasAttributes()) return false;
  if (el.getAttribute('aria-disabled') === 'true') return true;
  if (CONTROLS.has(name) && el.hasAttribute('disabled')) return true;
  if (!BUTTON_LIKE.has(name) && el.getAttribute('role') !== 'button') return false;
  return (
    el
      .getAttribute('class')
      ?.split(/\s+/)
      .some((c) => DISABLED_CLASSES.has(c)) ?? false
  );
}

/** Whether an element, or any ancestor, is hidden by markup or never rendered (inside `head`, `template`…). */
export function isHiddenInTree(el: Element): boolean {
  for (let at: Element | null = el; at; at = at.parentElement) {
    if (SKIPPED.has(at.localName) || isHiddenElement(at)) return true;
    const parent = at.parentElement;
    if (parent?.localName === 'details' && !parent.hasAttribute('open') && at.localName !== 'summary') return true;
  }
  return false;
}

interface Frame {
  name: string;
  disabled: boolean;
  fieldset: boolean;
  /** A closed <details>: only its summary shows. */
  closed: boolean;
}

/**
 * Walks the tree without recursion (deep pages cannot overflow the stack), visiting each node once
 * and asking each element as little as possible: on a 1 MiB page the DOM calls are the cost.
 * `root` may be a Document (its body is read) or an element (read if it is not hidden).
 */
export function visibleText(root: Document | Element, cap = VISIBLE_TEXT_CAP): VisibleText {
  const start: Node | null = root.nodeType === DOCUMENT ? ((root as Document).body ?? (root as Document).documentElement) : root;
  const result: VisibleText = { text: '', disabledText: '', truncated: false };
  if (!start || (start.nodeType === ELEMENT && isHiddenInTree(start as Element))) return result;

  const parts: string[] = [];
  const disabledParts: string[] = [];
  let length = 0;
  // One frame per element we are inside, so leaving it restores the state it changed.
  const stack: Frame[] = [];
  let disabledDepth = 0;
  let fieldsetDepth = 0;

  const emit = (text: string) => {
    if (disabledDepth > 0) disabledParts.push(text);
    else parts.push(text);
    length += text.length;
  };
  const leave = (frame: Frame) => {
    if (BLOCKS.has(frame.name)) emit('\n');
    if (frame.disabled) disabledDepth--;
    if (frame.fieldset) fieldsetDepth--;
  };
  /** Enters an element unless it is skipped; true when its children are to be walked. */
  const enter = (el: Element, isTop: boolean): boolean => {
    const name = el.localName;
    if (!isTop) {
      if (SKIPPED.has(name) || (stack[stack.length - 1]?.closed && name !== 'summary') || isHiddenElement(el)) return false;
    }
    const disabled = isDisabled(el, name, fieldsetDepth > 0);
    const fieldset = name === 'fieldset' && el.hasAttribute('disabled');
    const frame: Frame = { name, disabled, fieldset, closed: name === 'details' && !el.hasAttribute('open') };
    if (disabled && disabledDepth++ === 0) disabledParts.push('\n'); // disabled controls never run together
    if (fieldset) fieldsetDepth++;
    if (BLOCKS.has(name)) emit('\n');
    if (name === 'input' && BUTTON_INPUTS.has(el.getAttribute('type')?.toLowerCase() ?? '')) emit(el.getAttribute('value') ?? '');
    if (el.firstChild) {
      stack.push(frame);
      return true;
    }
    leave(frame);
    return false;
  };

  const top = start;
  let node: Node | null = start;
  while (node && length < cap) {
    const type = node.nodeType;
    // A line break in the markup is a space on screen; only blocks (BLOCKS) break lines.
    if (type === TEXT) emit((node as Text).data.replace(SOURCE_BREAKS, ' '));
    else if (type === ELEMENT && enter(node as Element, node === top)) {
      node = node.firstChild;
      continue;
    }
    // Climb until a next sibling, leaving each element we finish.
    while (node && node !== top && !node.nextSibling) {
      node = node.parentNode;
      const frame = stack.pop();
      if (frame) leave(frame);
    }
    node = node && node !== top ? node.nextSibling : null;
  }
  result.truncated = length >= cap;
  result.text = parts.join('').slice(0, cap);
  result.disabledText = disabledParts.join('').slice(0, cap);
  return result;
}

/** Line breaks (and the indentation after them) in a text node, as written in the page's source. */
const SOURCE_BREAKS = /[ \t]*[\r\n][\s]*/g;

const READABLE = /[\p{L}\p{N}]/gu;
const CLOSE_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;
/** Below this a page says nothing a person could act on: a script-rendered shell, or a blank. */
export const MIN_READABLE = 24;

/**
 * Letters and digits, a Chinese, Japanese or Korean character counting double (each is about a
 * word); stops counting at `MIN_READABLE`, so a big page costs nothing here.
 */
export function hasReadableText(seen: VisibleText): boolean {
  let weight = 0;
  for (const part of [seen.text, seen.disabledText]) {
    READABLE.lastIndex = 0;
    for (let m = READABLE.exec(part); m && weight < MIN_READABLE; m = READABLE.exec(part)) weight += CLOSE_SCRIPT.test(m[0]) ? 2 : 1;
  }
  return weight >= MIN_READABLE;
}
