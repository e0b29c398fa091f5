import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../../tests/corpus/parse-html';
import { hasReadableText, visibleText } from './visible-text';

const seen = (body: string) =>
  visibleText(parseHtml(`<!doctype html><html><head><title>Sold out</title></head><body>${body}</body></html>`));
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('visibleText', () => {
  it('skips what is never rendered or hidden by markup', () => {
    const { text } = seen(`
      <p>Shown</p>
      <script>var a = "script"</script><style>.x{content:"style"}</style><noscript>noscript</noscript>
      <template><p>template</p></template><svg><text>svg</text></svg><textarea>textarea</textarea>
      <div hidden>hidden</div><div hidden="until-found">until-found</div><div aria-hidden="true"><span>aria</span></div>
      <div style="color:red; display: none">display</div><div style="visibility:hidden">visibility</div>
      <div style="DISPLAY:NONE !important">important</div><input type="hidden" value="hidden-input">
      <details><summary>Summary</summary><p>closed details</p></details>
      <details open><summary>Open summary</summary><p>open details</p></details>
      <dialog>closed dialog</dialog><dialog open>open dialog</dialog>`);
    expect(words(text)).toEqual(['Shown', 'Summary', 'Open', 'summary', 'open', 'details', 'open', 'dialog']);
  });

  it('keeps inline text together and puts blocks on their own lines', () => {
    const { text } = seen('<div>Sold<span> out</span></div><div>Add to</div><div>cart</div><p>In <b>st</b>ock</p>');
    const lines = text.split('\n').filter((l) => l.trim());
    expect(lines).toEqual(['Sold out', 'Add to', 'cart', 'In stock']);
  });

  it('reads a line break written in the markup as a space, as the browser shows it', () => {
    const { text } = seen('<button>Sold\n      out</button><p>Back\r\n  soon</p>');
    expect(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    ).toEqual(['Sold out', 'Back soon']);
  });

  it('collects disabled controls apart, with their children and submit values', () => {
    const result = seen(`
      <button disabled><span>Add to cart</span></button>
      <input type="submit" value="Buy it now" disabled>
      <a role="button" aria-disabled="true">Reserve</a>
      <a class="btn disabled">Buy now</a>
      <fieldset disabled><button>Pre-order</button><p>Label stays</p></fieldset>
      <select disabled><option>Size M</option></select>
      <button>Enabled</button><input type="submit" value="Submit value"><input type="text" value="typed">`);
    expect(words(result.disabledText)).toEqual([
      'Add',
      'to',
      'cart',
      'Buy',
      'it',
      'now',
      'Reserve',
      'Buy',
      'now',
      'Pre-order',
      'Size',
      'M',
    ]);
    expect(words(result.text)).toEqual(['Label', 'stays', 'Enabled', 'Submit', 'value']);
  });

  it('reads an element, but nothing when it or an ancestor is hidden', () => {
    const doc = parseHtml('<main><div id="a">Visible <b>text</b></div><div hidden><p id="b">Hidden</p></div></main>');
    expect(words(visibleText(doc.getElementById('a') as Element).text)).toEqual(['Visible', 'text']);
    expect(visibleText(doc.getElementById('b') as Element).text).toBe('');
    expect(visibleText(doc.querySelector('title') ?? doc.createElement('script')).text).toBe('');
  });

  it('stops at the cap and says so', () => {
    const result = visibleText(parseHtml(`<p>${'word '.repeat(1000)}</p><p>tail</p>`), 100);
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(100);
  });

  it('walks deep trees without recursion', () => {
    // Chromium's parser caps nesting at 512; jsdom itself recurses, so deeper cannot be built here.
    const depth = 600;
    const doc = parseHtml(`${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}<p>after</p>`);
    expect(words(visibleText(doc).text)).toEqual(['deep', 'after']);
  });

  it('tells a page with text from an empty shell', () => {
    expect(hasReadableText(seen('<div id="root"></div><noscript>Enable JavaScript to run this app please</noscript>'))).toBe(false);
    expect(hasReadableText(seen('<div id="app">Loading…</div>'))).toBe(false);
    expect(hasReadableText(seen('<h1>Trail Runner GTX</h1><p>Waterproof trail shoe.</p>'))).toBe(true);
    expect(hasReadableText(seen('<h1>降噪无线耳机</h1><p>主动降噪，续航三十小时。</p>'))).toBe(true);
  });
});
