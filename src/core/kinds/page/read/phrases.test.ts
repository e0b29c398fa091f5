import { describe, expect, it } from 'vitest';
import { findPhrases, normalizeForMatch } from '../check/phrase-match';
import { builtInPhrases, type LanguagePhrases, PHRASES } from './phrases';

const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'tr'];

const firstHit = (text: string) => findPhrases(builtInPhrases(), normalizeForMatch(text))[0];

describe('built-in phrase lists', () => {
  it('cover the 14 languages, each with paused and open phrases', () => {
    for (const lang of LANGUAGES) {
      const lists = (PHRASES as Record<string, LanguagePhrases>)[lang];
      expect(lists?.paused.length, lang).toBeGreaterThan(3);
      expect(lists?.open.length, lang).toBeGreaterThan(3);
    }
  });

  it('compile into one set with no phrase both paused and open', () => {
    expect(() => builtInPhrases()).not.toThrow();
  });

  it('read every phrase as its own kind when it stands in a sentence', () => {
    for (const [lang, lists] of Object.entries(PHRASES) as [string, LanguagePhrases][]) {
      for (const kind of ['paused', 'open', 'neutral'] as const) {
        for (const phrase of lists[kind] ?? []) {
          const hit = firstHit(`— ${phrase.toUpperCase()} —`);
          expect(hit?.polarity, `${lang} ${kind} "${phrase}"`).toBe(kind);
        }
      }
    }
  });

  it.each([
    ['Not in stock', 'paused'],
    ['This item is no longer in stock', 'paused'],
    ['Notify me when back in stock', 'paused'],
    ['Almost sold out', 'open'],
    ['Nicht auf Lager', 'paused'],
    ['Online nicht verfügbar', 'paused'],
    ['Cet article n’est plus disponible', 'paused'],
    ['Me prévenir du retour en stock', 'paused'],
    ['No disponible', 'paused'],
    ['Sem estoque', 'paused'],
    ['Non disponibile in magazzino', 'paused'],
    ['Niet op voorraad', 'paused'],
    ['Brak w magazynie', 'paused'],
    ['Нет в наличии', 'paused'],
    ['STOKTA YOK', 'paused'],
    ['有货提醒', 'paused'],
    ['在庫がありません', 'paused'],
    ['재고 없음', 'paused'],
    ['即将售罄', 'open'],
    ['품절임박', 'open'],
  ])('%s reads %s', (text, kind) => {
    const hits = findPhrases(builtInPhrases(), normalizeForMatch(text));
    expect(new Set(hits.map((h) => h.polarity))).toEqual(new Set([kind]));
  });

  it('scan a large page in linear time', () => {
    const text = normalizeForMatch('The quick brown fox jumps over the lazy dog. Ships in 2 days. '.repeat(8000));
    const started = performance.now();
    findPhrases(builtInPhrases(), text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
