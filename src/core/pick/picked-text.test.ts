import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FetchedResponse } from '../kinds/page/read/page-response';
import { readText } from '../kinds/page/read/text-rule';
import { firstWords, PHRASE_CAP, pickedText, SHOWN_CAP } from './picked-text';

const element = (html: string) => {
  const doc = new JSDOM(`<!doctype html><body><div id="pick">${html}</div></body>`).window.document;
  return doc.getElementById('pick') as Element;
};
const healthy: FetchedResponse = { status: 200, url: 'https://shop.example/p', contentType: 'text/html', headers: {} };

describe('pickedText', () => {
  it('collapses whitespace and skips script, style and hidden parts', () => {
    const picked = pickedText(
      element(`
        <span>  Sold
          out </span><script>var x = "in stock"</script><style>.a{}</style>
        <span hidden>In stock</span><span style="display: none">Buy now</span><span aria-hidden="true">★</span>`),
    );
    expect(picked).toEqual({ shown: 'Sold out', phrase: 'Sold out', shortened: false, firstLineOnly: false });
  });

  it('takes the first line as the phrase and says there is more', () => {
    const picked = pickedText(element('<h2>Temporarily unavailable</h2><p>We expect more   next week.</p>'));
    expect(picked.phrase).toBe('Temporarily unavailable');
    expect(picked.shown).toBe('Temporarily unavailable We expect more next week.');
    expect(picked.firstLineOnly).toBe(true);
    expect(picked.shortened).toBe(false);
  });

  it("reads a disabled button's text, which still counts as a paused phrase", () => {
    expect(pickedText(element('<button disabled>Sold out</button>')).phrase).toBe('Sold out');
  });

  it('says when there is nothing to match', () => {
    expect(pickedText(element('<img alt="x"><span> · </span><script>a()</script>'))).toEqual({
      shown: '',
      phrase: '',
      shortened: false,
      firstLineOnly: false,
    });
  });

  it('cuts a long line to its first sentence, or whole words, within the cap', () => {
    const banner = `Due to high demand, we've temporarily paused upgrades. ${'We will let you know when they are back. '.repeat(4)}`;
    const picked = pickedText(element(`<p>${banner}</p>`));
    expect(picked.phrase).toBe("Due to high demand, we've temporarily paused upgrades.");
    expect(picked.shortened).toBe(true);

    const noStop = 'word '.repeat(40).trim();
    const cut = firstWords(noStop, PHRASE_CAP);
    expect(cut.length).toBeLessThanOrEqual(PHRASE_CAP);
    expect(cut).toMatch(/^(word )+word$/);

    const chinese = '由于需求量大'.repeat(30);
    expect(Array.from(firstWords(chinese, PHRASE_CAP))).toHaveLength(PHRASE_CAP);
    expect(firstWords('目前缺货。我们会尽快补货，敬请期待'.repeat(10), PHRASE_CAP)).toBe('目前缺货。');
  });

  it('caps what is shown', () => {
    const shown = pickedText(element(`<p>${'a '.repeat(400)}</p>`)).shown;
    expect(Array.from(shown)).toHaveLength(SHOWN_CAP);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('gives a phrase the text rule finds in the same element, across inline markup', () => {
    const el = element('<div><b>Sold</b> <i>out</i> — <a href="#">notify me</a></div><p>more</p>');
    const picked = pickedText(el);
    const reading = readText(el.ownerDocument, { type: 'text', selector: '#pick', pausedWhen: [picked.phrase] }, healthy);
    expect(reading.reason).toBe('text-paused');
  });
});
