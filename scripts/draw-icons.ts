// Renders icons/icon.svg to the PNG sizes the manifest needs, in the same Chromium the tests use.
// Run after editing the SVG: node --import tsx scripts/draw-icons.ts
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { chromePath } from '../tests/e2e/chrome-path';

const svg = await readFile(new URL('../icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromePath(), args: ['--no-sandbox'] });
const page = await browser.newPage();
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: `icons/icon-${size}.png`, omitBackground: true });
}
await browser.close();
