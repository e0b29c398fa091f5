/** Finds phrases in text the way a reader would: without case, punctuation or odd spacing, on whole words. */

export type Polarity = 'paused' | 'open' | 'neutral';

export interface PhraseLists {
  paused?: readonly string[];
  open?: readonly string[];
  /** Phrases that only claim their span ("buy now, pay later") so no shorter phrase inside them counts. */
  neutral?: readonly string[];
}

export interface CompiledPhrases {
  /** Phrases in scripts that separate words (Latin, Cyrillic, Greek…), matched on word boundaries. */
  bounded: RegExp | null;
  /** Chinese, Japanese and Korean phrases, matched anywhere: those scripts glue words together. */
  unbounded: RegExp | null;
  polarity: ReadonlyMap<string, Polarity>;
  /** Normalised phrase → as first written, for evidence ("n'est plus disponible", not "n est plus disponible"). */
  display: ReadonlyMap<string, string>;
}

export interface PhraseHit {
  /** The phrase as written in its list. */
  phrase: string;
  polarity: Polarity;
  index: number;
}

const CLOSE_SCRIPTS = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}';
/** A character of a script that writes words without spaces (Chinese, Japanese, Korean). */
export const CLOSE_SCRIPT = new RegExp(`[${CLOSE_SCRIPTS}]`, 'u');
/** A letter, digit or mark of a script with word boundaries. */
const WORD_CHAR = `(?:(?![${CLOSE_SCRIPTS}])[\\p{L}\\p{N}\\p{M}])`;
const SPACED = new RegExp(`^${WORD_CHAR}$`, 'u');

/**
 * Folds text for matching: NFKC (full-width and half-width forms), lower case, Turkish dotted and
 * dotless i, soft hyphens and zero-width marks dropped, punctuation and symbols to spaces, runs of
 * spaces to one. Line breaks stay, so a phrase never matches across two blocks of the page.
 */
export function normalizeForMatch(text: string): string {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/i\u0307/g, 'i')
      .replace(/ı/g, 'i')
      .replace(/\p{Cf}/gu, '')
      .replace(/[\p{P}\p{S}]|[^\P{Cc}\n]/gu, ' ')
      // NFKC already turned other Unicode spaces into U+0020; a general \s class here costs 30× more.
      .replace(/ {2,}|[\u1680\u2028\u2029]/g, ' ')
      .replace(/ ?\n\s*/g, '\n')
  );
}

/** Whether a normalised phrase has anything left to match (letters or digits). */
export function isMatchable(phrase: string): boolean {
  return /[\p{L}\p{N}]/u.test(normalizeForMatch(phrase));
}

export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles lists once into two alternations, longest phrase first, so the leftmost-longest phrase
 * wins: "not in stock" (paused) claims its span before "in stock" (open) can. One shared boundary
 * per regex keeps V8's fast paths; a lookaround per alternative made it ~100× slower.
 */
export function compilePhrases(lists: PhraseLists): CompiledPhrases {
  const polarity = new Map<string, Polarity>();
  const display = new Map<string, string>();
  for (const kind of ['paused', 'open', 'neutral'] as const) {
    for (const raw of lists[kind] ?? []) {
      const phrase = normalizeForMatch(raw).trim();
      if (!/[\p{L}\p{N}]/u.test(phrase)) continue;
      const seen = polarity.get(phrase);
      if (seen && seen !== kind) throw new Error(`phrase "${phrase}" is both ${seen} and ${kind}`);
      polarity.set(phrase, kind);
      if (!display.has(phrase)) display.set(phrase, raw.trim());
    }
  }
  const bounded: string[] = [];
  const unbounded: string[] = [];
  for (const phrase of polarity.keys()) {
    const chars = [...phrase];
    const spaced = SPACED.test(chars[0] ?? '') && SPACED.test(chars[chars.length - 1] ?? '');
    (spaced ? bounded : unbounded).push(phrase);
  }
  const alternation = (phrases: string[]) =>
    phrases
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  return {
    bounded: bounded.length ? new RegExp(`(?<!${WORD_CHAR})(?:${alternation(bounded)})(?!${WORD_CHAR})`, 'gu') : null,
    unbounded: unbounded.length ? new RegExp(alternation(unbounded), 'gu') : null,
    polarity,
    display,
  };
}

/** Every phrase occurrence in already-normalised text, in order; the scripts never overlap. */
export function findPhrases(compiled: CompiledPhrases, normalized: string): PhraseHit[] {
  const hits: PhraseHit[] = [];
  for (const regex of [compiled.bounded, compiled.unbounded]) {
    if (!regex) continue;
    regex.lastIndex = 0;
    for (const match of normalized.matchAll(regex)) {
      const polarity = compiled.polarity.get(match[0]);
      if (polarity) hits.push({ phrase: compiled.display.get(match[0]) ?? match[0], polarity, index: match.index });
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The distinct paused and open phrases found, first seen first; neutral ones are dropped. */
export function phrasesByPolarity(hits: readonly PhraseHit[]): { paused: string[]; open: string[] } {
  const paused = new Set<string>();
  const open = new Set<string>();
  for (const hit of hits) {
    if (hit.polarity === 'paused') paused.add(hit.phrase);
    else if (hit.polarity === 'open') open.add(hit.phrase);
  }
  return { paused: [...paused], open: [...open] };
}

export interface Signals {
  /** Paused phrases shown anywhere, disabled buttons included ("Sold out" greyed out is still sold out). */
  paused: string[];
  /** Open phrases shown where they can be acted on. */
  open: string[];
  /** Open phrases seen only on disabled controls: never an open signal, only evidence. */
  disabledOpen: string[];
  /** True when every paused phrase was on a disabled control. */
  pausedOnlyDisabled: boolean;
}

/** The signals in visible text, split as DESIGN.md asks: a disabled button's text is not an open signal. */
export function signalsIn(compiled: CompiledPhrases, seen: { text: string; disabledText: string }): Signals {
  const shown = phrasesByPolarity(findPhrases(compiled, normalizeForMatch(seen.text)));
  const disabled = phrasesByPolarity(findPhrases(compiled, normalizeForMatch(seen.disabledText)));
  return {
    paused: [...new Set([...shown.paused, ...disabled.paused])],
    open: shown.open,
    disabledOpen: disabled.open,
    pausedOnlyDisabled: shown.paused.length === 0 && disabled.paused.length > 0,
  };
}
