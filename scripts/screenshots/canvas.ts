// Draws the composed pictures (phone card, store screenshots, promo tile) from HTML in a plain
// headless Chromium, one CSS pixel per image pixel, and checks every PNG's size from its header.
import { readFileSync, writeFileSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { chromePath } from '../../tests/e2e/chrome-path';

export interface Canvas {
  /** The page drawn at exactly `size`, or (no height) as tall as its `.frame` element. */
  draw(html: string, file: string, size: { width: number; height?: number }): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openCanvas(): Promise<Canvas> {
  const browser: Browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox', '--disable-gpu'] });
  return {
    async draw(html, file, size) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height ?? 800 }, deviceScaleFactor: 1 });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate(() => document.fonts.ready);
        const missing = await page.evaluate(() =>
          [...document.images].filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.alt || img.src.slice(0, 40)),
        );
        if (missing.length > 0) throw new Error(`${file}: images did not load: ${missing.join(', ')}`);
        const png = size.height ? await page.screenshot({ type: 'png' }) : await page.locator('.frame').screenshot({ type: 'png' });
        writeFileSync(file, png);
        if (size.height) assertPngSize(file, size.width, size.height);
        return png;
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  const signature = '89504e470d0a1a0a';
  if (png.subarray(0, 8).toString('hex') !== signature || png.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new Error('not a PNG');
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The stores refuse other sizes: a picture of any other size stops the run. */
export function assertPngSize(file: string, width: number, height: number): void {
  const size = pngSize(readFileSync(file));
  if (size.width !== width || size.height !== height) {
    throw new Error(`${file} is ${size.width}×${size.height}, not the ${width}×${height} the stores require`);
  }
}

/** An image for <img src>, from PNG bytes. */
export const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Text for HTML. */
export const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
