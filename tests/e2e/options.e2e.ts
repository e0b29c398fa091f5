// E2E smoke of the options page in real headless Chromium, on the production build (dist/): add a
// page watch after testing its rule against a local shop, add a JSON watch with a request header,
// reorder, edit, switch off, import (good and bad files), export, remove. Screenshots of the page
// (en, en dark, zh-CN) go to tests/artifacts/. Part of the e2e suite (npm test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCertificate } from '../sim/certificate';
import { type Simulator, startSimulator } from '../sim/simulator';
import { ARTIFACTS, type Extension, launchExtension, waitFor } from './harness';
import { addSites } from './host-grants';

const SHOP = 'shop.example';

const PRODUCT_PAGE = `<!doctype html><html lang="en"><head><title>RTX 5090</title>
<script type="application/ld+json">{"@type":"Product","name":"RTX 5090",
"offers":{"@type":"Offer","price":"1999","priceCurrency":"USD","availability":"OutOfStock"}}</script>
</head><body><h1>RTX 5090</h1><p>Sold out</p></body></html>`;

/** A local HTTPS shop: a product page that is out of stock and a JSON stock API that wants a key. */
async function startShop(): Promise<{ port: number; close(): Promise<void>; apiKeys: string[]; moved: string[]; redirectApi: boolean }> {
  const apiKeys: string[] = [];
  /** The header each request to the API's new address carried ('' for none). */
  const moved: string[] = [];
  const shop = { redirectApi: false };
  const server: Server = createServer(makeCertificate(), (req, res) => {
    const path = new URL(req.url ?? '/', `https://${SHOP}`).pathname;
    if (path === '/api/stock' && shop.redirectApi) {
      apiKeys.push(String(req.headers['x-api-key'] ?? ''));
      res.writeHead(302, { location: '/api/v2/stock' });
      return res.end();
    }
    if (path === '/api/v2/stock') {
      moved.push(String(req.headers['x-api-key'] ?? ''));
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ data: [{ sku: 'rtx-5090', available: true, count: 3 }] }));
    }
    if (path === '/product') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(PRODUCT_PAGE);
    }
    if (path === '/api/stock') {
      apiKeys.push(String(req.headers['x-api-key'] ?? ''));
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ data: [{ sku: 'rtx-5090', available: false, count: 0 }] }));
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(shop, {
    port: (server.address() as { port: number }).port,
    apiKeys,
    moved,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

async function openOptions(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

const localStorage = async (ext: Extension) => (await ext.storage()).local as Record<string, unknown>;
const watchIds = async (ext: Extension) => ((await localStorage(ext)).watchIds as string[] | undefined) ?? [];

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });
}

describe('options page (en)', () => {
  let sim: Simulator;
  let shop: Awaited<ReturnType<typeof startShop>>;
  let ext: Extension;
  let page: Page;

  beforeAll(async () => {
    sim = await startSimulator();
    shop = await startShop();
    ext = await launchExtension({
      sim,
      extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${sim.port}, MAP ${SHOP} 127.0.0.1:${shop.port}`],
    });
    await addSites(ext.context, ext.id, [`https://${SHOP}/*`]);
    page = await openOptions(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await shop?.close();
    await sim?.close();
  });

  it('lists the built-in watch, which cannot be removed', async () => {
    await expect.poll(() => page.getByText('ChatGPT Plus', { exact: true }).count()).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Edit ChatGPT Plus' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Remove ChatGPT Plus' }).count()).resolves.toBe(0);
  });

  it('tests a page rule against the live page before saving, then adds the watch', async () => {
    await page.getByRole('button', { name: 'Add watch' }).first().click();
    const form = page.getByRole('form', { name: 'Add a watch' });
    await form.getByLabel('Name').fill('RTX 5090');
    await form.getByLabel('Address').fill(`https://${SHOP}/product`);
    await form.getByRole('button', { name: 'Test' }).click();
    const result = form.locator('.test-result');
    await result.waitFor({ timeout: 30_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/paused/i);
    expect(text).toMatch(/OutOfStock/);
    expect(text).toMatch(/200/);
    expect(await watchIds(ext)).toHaveLength(1); // Test saved nothing
    await shoot(page, 'options-en-test.png');

    await form.getByRole('button', { name: 'Add watch' }).click();
    await waitFor(
      () => watchIds(ext),
      (ids) => ids.length === 2,
      20_000,
      'the new watch stored',
    );
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Added “RTX 5090”' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: 'Edit RTX 5090' }).count()).toBe(1);
    // Saved and closed: the next test opens a new, empty form, not this one.
    await expect.poll(() => form.count()).toBe(0);
  });

  it('refuses a form with mistakes, in an alert, and sends nothing', async () => {
    await page.getByRole('button', { name: 'Add watch' }).first().click();
    const form = page.getByRole('form', { name: 'Add a watch' });
    // A new form starts empty (a form still open from before would keep its name).
    await expect.poll(() => form.getByLabel('Name', { exact: true }).inputValue()).toBe('');
    await form.getByLabel('Address').fill('not an address');
    await form.getByRole('button', { name: 'Add watch' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Give the watch a name/);
    expect(await alert.textContent()).toMatch(/full web address/);
    await shoot(page, 'options-en-form-error.png');
    expect(await watchIds(ext)).toHaveLength(2);
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  it('adds a JSON watch whose request header stays in storage.local under its own key', async () => {
    await page.getByRole('button', { name: 'Add watch' }).first().click();
    const form = page.getByRole('form', { name: 'Add a watch' });
    await form.getByLabel('Name').fill('Stock API');
    await form.getByLabel('JSON endpoint').check();
    await form.getByLabel('Address').fill(`https://${SHOP}/api/stock`);
    await form.getByLabel(/JSON pointer/).fill('/data/0/available');
    await form.getByLabel('Condition').selectOption('truthy');
    await form.getByLabel('Header name').fill('X-Api-Key');
    await form.getByLabel('Header value').fill('sk-test-123');
    await form.getByRole('button', { name: 'Test' }).click();
    await form.locator('.test-result').waitFor({ timeout: 30_000 });
    expect(await form.locator('.test-result').textContent()).toMatch(/paused/i);
    await form.getByRole('button', { name: 'Add watch' }).click();
    const ids = await waitFor(
      () => watchIds(ext),
      (list) => list.length === 3,
      20_000,
      'the JSON watch stored',
    );
    const id = ids[2] as string;
    await waitFor(
      async () => (await localStorage(ext))[`secret:${id}`],
      // By meaning: Chrome hands stored objects back with their keys sorted. The header belongs to its origin.
      (secret) => isDeepStrictEqual(secret, { name: 'X-Api-Key', value: 'sk-test-123', origin: `https://${SHOP}` }),
      20_000,
      'the header saved by set-secret',
    );
    // Editing shows which header is kept, never its value.
    await page.getByRole('button', { name: 'Edit Stock API' }).click();
    const edit = page.getByRole('form', { name: 'Edit Stock API' });
    // The saved header's name is read from storage after the form opens.
    await waitFor(
      () => edit.getByLabel('Header name').inputValue(),
      (v) => v === 'X-Api-Key',
      10_000,
      'the saved header name in the form',
    );
    expect(await edit.getByLabel('Header value').inputValue()).toBe('');
    await shoot(page, 'options-en-edit-json.png');
    await edit.getByRole('button', { name: 'Cancel' }).click();
  });

  it('never follows a redirect with the request header: the check reads can’t tell, the new address gets no key', async () => {
    const id = (await watchIds(ext))[2] as string;
    shop.redirectApi = true;
    const sentBefore = shop.apiKeys.length;
    const answer = (await page.evaluate((watchId) => chrome.runtime.sendMessage({ type: 'check-now', watchId }), id)) as {
      ok: boolean;
      verdict?: { kind: string; reason: string };
    };
    shop.redirectApi = false;
    expect(answer).toMatchObject({ ok: true, verdict: { kind: 'error', reason: 'redirected' } });
    expect(shop.apiKeys.slice(sentBefore)).toEqual(['sk-test-123']);
    // A same-origin hop keeps every header under redirect: 'follow'; manual means no request at all.
    expect(shop.moved).toEqual([]);
  });

  it('moves a watch up and keeps focus on the moved row', async () => {
    const before = await watchIds(ext);
    await page.getByRole('button', { name: 'Move RTX 5090 up' }).click();
    const after = await waitFor(
      () => watchIds(ext),
      (ids) => ids[0] === before[1],
      20_000,
      'RTX 5090 first',
    );
    expect(after).toEqual([before[1], before[0], before[2]]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/RTX 5090/);
  });

  it('edits the interval and switches a watch off', async () => {
    await page.getByRole('button', { name: 'Edit RTX 5090' }).click();
    const form = page.getByRole('form', { name: 'Edit RTX 5090' });
    // The same choices as the popup's dropdown.
    await form.getByLabel(/Check every/).selectOption({ label: '10 minutes' });
    await form.getByRole('button', { name: 'Save' }).click();
    const id = (await watchIds(ext))[0] as string;
    await waitFor(
      async () => (await localStorage(ext))[`watch:${id}`] as { intervalMinutes?: number },
      (def) => def?.intervalMinutes === 10,
      20_000,
      'the interval saved',
    );
    await page.getByRole('switch', { name: 'Watch RTX 5090' }).click();
    await waitFor(
      async () => (await localStorage(ext))[`watch:${id}`] as { enabled?: boolean },
      (def) => def?.enabled === false,
      20_000,
      'the watch switched off',
    );
  });

  it('rejects a bad import file with a clear message and changes nothing', async () => {
    const before = await watchIds(ext);
    const bad = { format: 'reopen-watch/watches', version: 1, watches: [{ name: 'X', kind: 'page', url: 'ftp://x' }] };
    await page.getByLabel('Import watches', { exact: true }).setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const alert = page.getByRole('alert').filter({ hasText: 'cannot be imported' });
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/watch 1 \("X"\): url/);
    await shoot(page, 'options-en-import-error.png');
    await page.getByLabel('Import watches', { exact: true }).setInputFiles({
      name: 'junk.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{not json'),
    });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'not valid JSON' }).count()).toBe(1);
    expect(await watchIds(ext)).toEqual(before);
  });

  it('imports a watch file for an allowed site', async () => {
    const file = {
      format: 'reopen-watch/watches',
      version: 1,
      watches: [
        { name: 'Sign-ups', kind: 'page', url: `https://${SHOP}/join`, rule: { type: 'text', pausedWhen: ['paused'] }, intervalMinutes: 5 },
        {
          name: 'Count',
          kind: 'json',
          url: `https://${SHOP}/api/stock`,
          rule: { type: 'json', pointer: '/data/0/count', test: 'atLeast', value: 1 },
        },
      ],
    };
    await page.getByLabel('Import watches', { exact: true }).setInputFiles({
      name: 'watches.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Imported 2 watches' }).count()).toBe(1);
    expect(await watchIds(ext)).toHaveLength(5);
  });

  it('exports the watches without any secret', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export watches' }).click()]);
    expect(download.suggestedFilename()).toBe('reopen-watch-watches.json');
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const exported = JSON.parse(text) as { format: string; version: number; watches: Array<{ name: string }> };
    expect(exported.format).toBe('reopen-watch/watches');
    expect(exported.version).toBe(1);
    expect(exported.watches.map((w) => w.name)).toEqual(['RTX 5090', 'ChatGPT Plus', 'Stock API', 'Sign-ups', 'Count']);
    expect(text).not.toContain('sk-test-123');
    expect(text).not.toContain('X-Api-Key');
    writeFileSync(join(ARTIFACTS, 'options-export.json'), text);
  });

  it('removes a watch only after confirming', async () => {
    await page.getByRole('button', { name: 'Remove Count' }).click();
    await page.getByRole('button', { name: 'Cancel' }).last().click();
    expect(await watchIds(ext)).toHaveLength(5);
    await page.getByRole('button', { name: 'Remove Count' }).click();
    await shoot(page, 'options-en-confirm.png');
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await waitFor(
      () => watchIds(ext),
      (ids) => ids.length === 4,
      20_000,
      'Count removed',
    );
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Removed “Count”' }).count()).toBe(1);
  });

  it('saves the global switches', async () => {
    await page.getByRole('switch', { name: 'Desktop notifications' }).click();
    await waitFor(
      async () => (await localStorage(ext)).settings as { notificationsEnabled?: boolean },
      (s) => s?.notificationsEnabled === false,
      20_000,
      'notifications off',
    );
    await page.getByRole('switch', { name: 'Desktop notifications' }).click();
    await waitFor(
      async () => (await localStorage(ext)).settings as { notificationsEnabled?: boolean },
      (s) => s?.notificationsEnabled === true,
      20_000,
      'notifications on',
    );
  });

  it('looks right (screenshots: en, en dark)', async () => {
    await page.getByRole('button', { name: 'Add watch' }).first().click();
    await shoot(page, 'options-en.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'options-en-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('options page (zh-CN)', () => {
  let sim: Simulator;
  let ext: Extension;

  beforeAll(async () => {
    sim = await startSimulator();
    ext = await launchExtension({ sim, lang: 'zh-CN' });
  });
  afterAll(async () => {
    await ext?.close();
    await sim?.close();
  });

  it('is in Chinese, with the import input named in Chinese', async () => {
    const page = await openOptions(ext);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reopen Watch 设置');
    expect(await page.getByLabel('导入监控项', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: '添加监控' }).first().click();
    await page.getByLabel('JSON 接口').check();
    await shoot(page, 'options-zh_CN.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'options-zh_CN-dark.png');
  });
});
