// The extension's own pages as a person sees them: the popup sized the way Chrome sizes a popup
// (its content's width, at most 600 px tall, scrolling beyond), the options and welcome pages as a
// browser tab. Each picture is taken of the real page, with whatever words the build has.
import type { BrowserContext, Page } from 'playwright-core';

/** Chrome's largest popup height; a longer popup scrolls. */
const POPUP_MAX_HEIGHT = 600;

async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  // Two frames and a little more: preact renders what storage said, then styles settle.
  await page.waitForTimeout(400);
}

async function open(context: BrowserContext, url: string, dark: boolean, viewport: { width: number; height: number }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.goto(url);
  return page;
}

export interface PopupPicture {
  png: Buffer;
  width: number;
  height: number;
  /** Where each watch's row sits in the picture, by watch name (for crops). */
  rows: Record<string, { y: number; height: number }>;
}

export async function popupPicture(context: BrowserContext, extensionId: string, dark: boolean, names: string[]): Promise<PopupPicture> {
  const page = await open(context, `chrome-extension://${extensionId}/src/popup/index.html`, dark, {
    width: 800,
    height: POPUP_MAX_HEIGHT,
  });
  try {
    await page.getByRole('button', { name: /.+/ }).first().waitFor();
    await settled(page);
    // As wide as its content, as Chrome makes it; then as tall, up to the limit.
    const width = await page.evaluate(() => {
      const main = document.querySelector('main');
      const margin = Number.parseFloat(getComputedStyle(document.body).marginRight) || 0;
      return Math.ceil((main?.getBoundingClientRect().right ?? 340) + margin);
    });
    await page.setViewportSize({ width, height: POPUP_MAX_HEIGHT });
    const height = await page.evaluate(() => {
      const body = document.body;
      const style = getComputedStyle(body);
      return Math.ceil(body.getBoundingClientRect().bottom + (Number.parseFloat(style.marginBottom) || 0));
    });
    const size = { width, height: Math.min(height, POPUP_MAX_HEIGHT) };
    await page.setViewportSize(size);
    await settled(page);
    const rows: PopupPicture['rows'] = {};
    for (const name of names) {
      const box = await page
        .locator('li', { hasText: name })
        .first()
        .boundingBox({ timeout: 2000 })
        .catch(() => null);
      if (box) rows[name] = { y: Math.floor(box.y), height: Math.ceil(box.height) };
    }
    return { png: await page.screenshot({ type: 'png' }), rows, ...size };
  } finally {
    await page.close();
  }
}

/** A page of the extension in a tab of `viewport`'s size, from its top; `fullPage` takes all of it. */
export async function tabPicture(
  context: BrowserContext,
  url: string,
  dark: boolean,
  viewport: { width: number; height: number },
  fullPage = false,
): Promise<{ png: Buffer; title: string }> {
  const page = await open(context, url, dark, viewport);
  try {
    await page.locator('main, h1').first().waitFor();
    await settled(page);
    return { png: await page.screenshot({ type: 'png', fullPage }), title: await page.title() };
  } finally {
    await page.close();
  }
}
