// The store listings' pictures (Chrome Web Store and Firefox Add-ons): 1280×800 screenshots that
// show the real popup, options page and phone message at one image pixel per screen pixel, with a
// short caption; and the 440×280 promo tile. Sizes are checked from each PNG's header.
import { join } from 'node:path';
import { type Canvas, dataUrl, esc } from './canvas';
import { CAPTIONS, type Caption } from './captions';
import type { Locale } from './seed';
import type { Pictures } from './seeded-run';
import { STORE_TAB } from './seeded-run';

export const SCREENSHOT = { width: 1280, height: 800 };
export const TILE = { width: 440, height: 280 };

export interface Brand {
  /** The build's icons (icons/icon-128.png, icon-32.png). */
  icon128: Buffer;
  icon32: Buffer;
  /** short_name from the built manifest, and the locale's extName. */
  shortName: string;
  name: string;
}

const FONT = `"Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", sans-serif`;

function page(lang: string, css: string, body: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8"><style>
  html, body { margin: 0; }
  body { font-family: ${FONT}; -webkit-font-smoothing: antialiased; }
  .canvas { position: relative; overflow: hidden; }
  .caption { position: absolute; left: 64px; top: 54px; width: 760px; }
  .caption h1 { margin: 0 0 12px; font-size: 40px; line-height: 1.15; font-weight: 700; letter-spacing: -.01em; }
  .caption p { margin: 0; font-size: 19px; line-height: 1.45; opacity: .9; }
  .shadow { box-shadow: 0 22px 60px rgba(0, 0, 0, .38), 0 2px 8px rgba(0, 0, 0, .2); }
  ${css}
</style></head><body>${body}</body></html>`;
}

const caption = (c: Caption) => `<div class="caption"><h1>${esc(c.title)}</h1><p>${esc(c.detail)}</p></div>`;

// Vertical gradients only: each row is one colour, so the PNG stays small (a diagonal one costs 300 KB).
interface Palette {
  background: string;
  text: string;
  bar: string;
  barText: string;
}
const LIGHT: Palette = {
  background: 'linear-gradient(180deg, #0f766e 0%, #115e59 60%, #134e4a 100%)',
  text: '#ffffff',
  bar: '#e5e7eb',
  barText: '#374151',
};
const DARK: Palette = {
  background: 'linear-gradient(180deg, #0b1220 0%, #111827 60%, #0f2a2a 100%)',
  text: '#f9fafb',
  bar: '#1f2937',
  barText: '#d1d5db',
};

/** The options page in a browser window, the popup open from the toolbar over it. */
function watchesHtml(lang: string, c: Caption, pictures: Pictures, brand: Brand, palette: Palette): string {
  const bar = 40;
  const windowTop = 190;
  const popupHeight = pictures.popup.height;
  // Under the toolbar, unless the popup is too tall to fit: then higher, over the window's bar.
  const popupTop = Math.min(windowTop + bar - 2, SCREENSHOT.height - 24 - popupHeight);
  const css = `
  .canvas { width: ${SCREENSHOT.width}px; height: ${SCREENSHOT.height}px; background: ${palette.background}; color: ${palette.text}; }
  .window { position: absolute; left: 64px; top: ${windowTop}px; width: ${STORE_TAB.width}px; border-radius: 10px 10px 0 0; overflow: hidden; }
  .bar { height: ${bar}px; background: ${palette.bar}; display: flex; align-items: center; padding: 0 14px; gap: 8px; color: ${palette.barText}; font-size: 13px; }
  .dot { width: 12px; height: 12px; border-radius: 50%; background: #9ca3af; opacity: .7; }
  .tab { margin-left: 14px; padding: 6px 14px; border-radius: 8px 8px 0 0; background: rgba(127, 127, 127, .16); max-width: 420px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .toolbar-icon { margin-left: auto; margin-right: 22px; width: 22px; height: 22px; }
  .window img.tab-content { display: block; width: ${STORE_TAB.width}px; height: ${STORE_TAB.height}px; }
  .popup { position: absolute; top: ${popupTop}px; left: ${64 + STORE_TAB.width - 18 - pictures.popup.width}px; border-radius: 8px; }`;
  return page(
    lang,
    css,
    `<div class="canvas">${caption(c)}
  <div class="window shadow">
    <div class="bar"><span class="dot"></span><span class="dot"></span><span class="dot"></span><span class="tab">${esc(pictures.storeOptions.title)}</span><img class="toolbar-icon" alt="icon" src="${dataUrl(brand.icon32)}"></div>
    <img class="tab-content" alt="options" src="${dataUrl(pictures.storeOptions.png)}">
  </div>
  <img class="popup shadow" alt="popup" src="${dataUrl(pictures.popup.png)}" width="${pictures.popup.width}" height="${popupHeight}">
</div>`,
  );
}

/** The popup beside the phone that got the message. */
function phoneHtml(lang: string, c: Caption, pictures: Pictures, phone: { png: Buffer; width: number; height: number }): string {
  const top = 196;
  const popupTop = Math.min(top, SCREENSHOT.height - 24 - pictures.popup.height);
  const css = `
  .canvas { width: ${SCREENSHOT.width}px; height: ${SCREENSHOT.height}px; background: ${LIGHT.background}; color: ${LIGHT.text}; }
  .popup { position: absolute; left: 150px; top: ${popupTop}px; border-radius: 8px; }
  .phone { position: absolute; left: 720px; top: ${top - 40}px; width: ${phone.width}px; height: ${SCREENSHOT.height}px; border: 14px solid #0b0f17; border-bottom: 0;
    border-radius: 48px 48px 0 0; background: #0d1424; overflow: hidden; }
  .phone img { display: block; }`;
  return page(
    lang,
    css,
    `<div class="canvas">${caption(c)}
  <img class="popup shadow" alt="popup" src="${dataUrl(pictures.popup.png)}" width="${pictures.popup.width}" height="${pictures.popup.height}">
  <div class="phone shadow"><img alt="phone" src="${dataUrl(phone.png)}" width="${phone.width}" height="${phone.height}"></div>
</div>`,
  );
}

/** The promo tile: the icon, the name, and the popup's row of what came back. */
function tileHtml(lang: string, brand: Brand, pictures: Pictures, rowName: string): string {
  const row = pictures.popup.rows[rowName];
  if (!row) throw new Error(`the popup has no row for "${rowName}": the tile cannot show it (is the row still an <li>?)`);
  const pad = 6;
  const crop = { y: Math.max(0, row.y - pad), height: row.height + 2 * pad };
  // The locale's full name, when it says more than the short one ("Reopen Watch 补货与开放提醒").
  const subtitle = brand.name.startsWith(brand.shortName) ? brand.name.slice(brand.shortName.length).trim() : brand.name;
  const css = `
  .canvas { width: ${TILE.width}px; height: ${TILE.height}px; background: ${LIGHT.background}; color: #fff; }
  .head { position: absolute; left: 28px; top: 26px; display: flex; align-items: center; gap: 14px; }
  .head img { width: 60px; height: 60px; }
  .name { font-size: 30px; font-weight: 700; line-height: 1.1; }
  .subtitle { font-size: 16px; opacity: .92; margin-top: 4px; }
  .row { position: absolute; left: ${(TILE.width - pictures.popup.width) / 2}px; top: ${TILE.height - 34 - crop.height}px; width: ${pictures.popup.width}px;
    height: ${crop.height}px; overflow: hidden; border-radius: 10px; }
  .row img { display: block; margin-top: -${crop.y}px; }`;
  return page(
    lang,
    css,
    `<div class="canvas">
  <div class="head"><img alt="icon" src="${dataUrl(brand.icon128)}"><div><div class="name">${esc(brand.shortName)}</div>${
    subtitle ? `<div class="subtitle">${esc(subtitle)}</div>` : ''
  }</div></div>
  <div class="row shadow"><img alt="popup" src="${dataUrl(pictures.popup.png)}" width="${pictures.popup.width}" height="${pictures.popup.height}"></div>
</div>`,
  );
}

export interface StoreInput {
  locale: Locale;
  lang: string;
  light: Pictures;
  dark: Pictures;
  phone: { png: Buffer; width: number; height: number };
  brand: Brand;
  /** The watch whose row the tile shows (the one that came back). */
  tileRow: string;
  /** Also the dark screenshot. */
  withDark: boolean;
}

/** Draws one locale's store pictures into `dir`; returns the files written. */
export async function drawStorePictures(canvas: Canvas, dir: string, input: StoreInput): Promise<string[]> {
  const { locale, lang } = input;
  const captions = CAPTIONS[locale];
  const jobs: Array<[string, string, { width: number; height: number }]> = [
    [`screenshot-1-${locale}.png`, watchesHtml(lang, captions.watches, input.light, input.brand, LIGHT), SCREENSHOT],
    [`screenshot-2-${locale}.png`, phoneHtml(lang, captions.phone, input.light, input.phone), SCREENSHOT],
    [`promo-tile-${locale}.png`, tileHtml(lang, input.brand, input.light, input.tileRow), TILE],
  ];
  if (input.withDark)
    jobs.push([`screenshot-3-${locale}-dark.png`, watchesHtml(lang, captions.dark, input.dark, input.brand, DARK), SCREENSHOT]);
  for (const [file, html, size] of jobs) await canvas.draw(html, join(dir, file), size);
  return jobs.map(([file]) => file);
}
