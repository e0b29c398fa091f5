import { describe, expect, it } from 'vitest';
import { compilePhrases, findPhrases, isMatchable, normalizeForMatch, phrasesByPolarity } from './phrase-match';

const read = (lists: Parameters<typeof compilePhrases>[0], text: string) =>
  phrasesByPolarity(findPhrases(compilePhrases(lists), normalizeForMatch(text)));

describe('normalizeForMatch', () => {
  it('folds case, punctuation, hyphens, odd spaces and full/half-width forms', () => {
    expect(normalizeForMatch('  OUT-OF-STOCK!\u00a0\u00a0Now ')).toBe(' out of stock now ');
    expect(normalizeForMatch('ｶｰﾄに入れる')).toBe('カートに入れる');
    expect(normalizeForMatch('ＳＯＬＤ ＯＵＴ')).toBe('sold out');
    expect(normalizeForMatch('Aus\u00adverkauft')).toBe('ausverkauft');
  });
  it('folds Turkish dotted and dotless i so upper-case labels match', () => {
    expect(normalizeForMatch('TÜKENDİ')).toBe('tükendi');
    expect(normalizeForMatch('SATIN AL')).toBe(normalizeForMatch('satın al'));
  });
  it('keeps line breaks, so phrases never join across blocks', () => {
    expect(normalizeForMatch('Sold \n\n  out')).toBe('sold\nout');
    expect(read({ paused: ['sold out'] }, 'Sold\nout').paused).toEqual([]);
  });
  it('says whether a phrase has anything to match', () => {
    expect(isMatchable('—!')).toBe(false);
    expect(isMatchable(' 售罄 ')).toBe(true);
  });
});

describe('findPhrases', () => {
  it('matches whole words in spaced scripts', () => {
    expect(read({ open: ['in stock'] }, 'Restocking in stocks soon').open).toEqual([]);
    expect(read({ open: ['in stock'] }, 'Only 2 in stock.').open).toEqual(['in stock']);
    expect(read({ open: ['в корзину'] }, 'Добавить в корзину').open).toEqual(['в корзину']);
    expect(read({ open: ['в наличии'] }, 'вналичии').open).toEqual([]);
  });
  it('matches Chinese, Japanese and Korean anywhere (no spaces between words)', () => {
    expect(read({ paused: ['售罄'] }, '该款式已售罄，敬请期待').paused).toEqual(['售罄']);
    expect(read({ paused: ['품절'] }, '일시품절되었습니다').paused).toEqual(['품절']);
    expect(read({ paused: ['sold out'] }, 'SOLD OUT已售完').paused).toEqual(['sold out']);
  });
  it('lets the longest phrase at a place win, so negations beat what they contain', () => {
    const lists = {
      paused: ['not in stock', 'nicht auf lager', 'no disponible', '没有货'],
      open: ['in stock', 'auf lager', 'disponible', '有货'],
    };
    expect(read(lists, 'Not in stock')).toEqual({ paused: ['not in stock'], open: [] });
    expect(read(lists, 'Derzeit nicht auf Lager')).toEqual({ paused: ['nicht auf lager'], open: [] });
    expect(read(lists, 'Producto no disponible')).toEqual({ paused: ['no disponible'], open: [] });
    expect(read(lists, '现在没有货')).toEqual({ paused: ['没有货'], open: [] });
    expect(read(lists, 'In stock')).toEqual({ paused: [], open: ['in stock'] });
  });
  it('lets a neutral phrase claim its span', () => {
    expect(read({ open: ['buy now'], neutral: ['buy now pay later'] }, 'Buy now, pay later').open).toEqual([]);
    expect(read({ open: ['buy now'], neutral: ['buy now pay later'] }, 'Buy now').open).toEqual(['buy now']);
  });
  it('reports phrases as written in their list, in page order, once each', () => {
    const hits = findPhrases(
      compilePhrases({ paused: ["n'est plus disponible", 'épuisé'] }),
      normalizeForMatch("Épuisé – n'est plus disponible. Épuisé"),
    );
    expect(hits.map((h) => h.phrase)).toEqual(['épuisé', "n'est plus disponible", 'épuisé']);
    expect(phrasesByPolarity(hits).paused).toEqual(['épuisé', "n'est plus disponible"]);
  });
  it('refuses a phrase that is both paused and open', () => {
    expect(() => compilePhrases({ paused: ['Sold out'], open: ['sold-out'] })).toThrow(/both/);
  });
  it('treats regex characters in phrases literally', () => {
    expect(read({ paused: ['(sold) out.*'] }, 'sold out now').paused).toEqual(['(sold) out.*']);
    expect(read({ paused: ['a+b'] }, 'aab').paused).toEqual([]);
  });
});
