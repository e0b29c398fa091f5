// E2E of the options page's "Alerts on your phone or in chat" in real headless Chromium, on the
// production build: add an ntfy channel through the form (the host asked for on Save), Send test
// reaching the local ntfy simulator, edit it without retyping its secrets, a refused test marks it
// stopped, remove it (its host released). Screenshots (en, en dark, zh-CN) go to tests/artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChannelSims, startChannelSims } from '../sim/channels/server';
import { type Simulator, startSimulator } from '../sim/simulator';
import { ARTIFACTS, type Extension, launchExtension } from './harness';
import { addSites } from './host-grants';

async function openOptions(ext: Extension): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 });
  await page.goto(`chrome-extension://${ext.id}/src/options/index.html`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.locator('section.channels').screenshot({ path: join(ARTIFACTS, name) });
}

interface StoredChannel {
  id: string;
  type: string;
  name?: string;
  topic?: string;
  enabled: boolean;
}
const channelsOf = async (ext: Extension) => ((await ext.storage()).local as { channels?: StoredChannel[] }).channels ?? [];
const grantedOrigins = async (page: Page) => page.evaluate(async () => (await chrome.permissions.getAll()).origins ?? []);

describe('options page: phone and chat channels (en)', () => {
  let sim: Simulator;
  let sims: ChannelSims;
  let ext: Extension;
  let page: Page;
  let topic = '';

  beforeAll(async () => {
    sim = await startSimulator();
    sims = await startChannelSims();
    ext = await launchExtension({
      sim,
      extraArgs: [`--host-resolver-rules=MAP chatgpt.com 127.0.0.1:${sim.port}, ${sims.hostResolverRules()}`],
    });
    // What the user's "Allow" would do; Save still asks (and gets true) with the click's gesture.
    await addSites(ext.context, ext.id, ['https://ntfy.sh/*']);
    page = await openOptions(ext);
  });
  afterAll(async () => {
    await ext?.close();
    await sims?.close();
    await sim?.close();
  });

  it('adds an ntfy channel with a random topic, asking for ntfy.sh on Save', async () => {
    const section = page.locator('section.channels');
    await expect.poll(() => section.getByText('No channels yet.').count()).toBe(1);
    await section.getByRole('button', { name: 'Add a channel' }).click();
    expect(await section.getByLabel('Service').inputValue()).toBe('ntfy');
    topic = await section.getByLabel('Topic').inputValue();
    expect(topic).toMatch(/^reopen-watch-[0-9a-z]{18}$/);
    await section.getByLabel('Name (optional)').fill('My phone');
    await shoot(page, 'options-channels-en-add.png');
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect.poll(() => section.getByRole('status').filter({ hasText: 'Channel saved.' }).count()).toBe(1);
    const [saved] = await channelsOf(ext);
    expect(saved).toMatchObject({ type: 'ntfy', name: 'My phone', topic, enabled: true });
    await expect.poll(() => section.getByText('Nothing sent yet.').count()).toBe(1);
  });

  it('refuses an unusable channel with the reason and saves nothing', async () => {
    const section = page.locator('section.channels');
    await section.getByRole('button', { name: 'Add a channel' }).click();
    await section.getByLabel('Service').selectOption('telegram');
    await section.getByLabel('Chat id').fill('not a chat');
    await section.getByRole('button', { name: 'Save channel' }).click();
    const alert = section.locator('form').getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Bot token is missing/);
    await section.getByLabel('Bot token').fill('123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/Chat id must be/);
    expect(await alert.textContent()).not.toContain('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    expect(await channelsOf(ext)).toHaveLength(1);
    await section.getByRole('button', { name: 'Cancel' }).click();
  });

  it('sends a test message to the ntfy simulator and says it arrived', async () => {
    const section = page.locator('section.channels');
    await section.getByRole('button', { name: 'Send a test message to My phone' }).click();
    await expect.poll(() => section.getByText('Sent. It should be on your phone').count()).toBe(1);
    const [request] = sims.received({ service: 'ntfy' });
    expect(request?.path).toBe('/');
    expect(request?.json).toMatchObject({ topic, title: 'Reopen Watch test message' });
    await expect.poll(() => section.getByText(/^Working: last message/).count()).toBe(1);
  });

  it('edits the channel without showing or needing its secret again', async () => {
    const section = page.locator('section.channels');
    await section.getByRole('button', { name: 'Edit My phone' }).click();
    expect(await section.getByLabel('Topic').inputValue()).toBe('');
    await section.getByLabel('Name (optional)').fill('Phone');
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect.poll(async () => (await channelsOf(ext))[0]?.name).toBe('Phone');
    expect((await channelsOf(ext))[0]?.topic).toBe(topic);
    // Focus goes back to where the user came from, not to the page's top.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit Phone');
  });

  it('adds an access token, then removes it again (an empty field would keep it)', async () => {
    const section = page.locator('section.channels');
    await section.getByRole('button', { name: 'Edit Phone' }).click();
    expect(await section.getByLabel('Remove the saved one').count()).toBe(0); // no token saved yet
    await section.getByLabel('Access token (optional)').fill('tk_abcdefghijklmnop');
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect.poll(async () => ((await channelsOf(ext))[0] as { token?: string })?.token).toBe('tk_abcdefghijklmnop');
    await section.getByRole('button', { name: 'Edit Phone' }).click();
    await section.getByLabel('Remove the saved one').check();
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect.poll(async () => 'token' in ((await channelsOf(ext))[0] ?? {})).toBe(false);
    expect((await channelsOf(ext))[0]?.topic).toBe(topic);
  });

  it('a refused test stops the channel, visibly, until it is saved again', async () => {
    const section = page.locator('section.channels');
    sims.services.ntfy.queue.push({ type: 'broken' });
    await section.getByRole('button', { name: 'Send a test message to Phone' }).click();
    await expect.poll(() => section.getByText(/^Refused: HTTP 40\d/).count()).toBe(1);
    await expect.poll(() => section.getByText(/^Stopped: HTTP 40\d/).count()).toBe(1);
    await shoot(page, 'options-channels-en.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'options-channels-en-dark.png');
    await page.emulateMedia({ colorScheme: 'light' });
    // Saving again (the user fixed it) lifts the mark; the worker follows the stored list.
    await section.getByRole('button', { name: 'Edit Phone' }).click();
    await section.getByRole('button', { name: 'Save channel' }).click();
    await expect
      .poll(() =>
        section
          .getByText('Nothing sent yet.')
          .or(section.getByText(/^Working/))
          .count(),
      )
      .toBe(1);
  });

  it('removes the channel and gives ntfy.sh back', async () => {
    const section = page.locator('section.channels');
    expect(await grantedOrigins(page)).toContain('https://ntfy.sh/*');
    await section.getByRole('button', { name: 'Remove Phone' }).click();
    await expect.poll(() => channelsOf(ext)).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Add a channel');
    await expect.poll(() => grantedOrigins(page)).not.toContain('https://ntfy.sh/*');
    await expect.poll(() => section.getByText('No channels yet.').count()).toBe(1);
  });
});

describe('options page: phone and chat channels (zh-CN)', () => {
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

  it('reads in Chinese (screenshots, light and dark)', async () => {
    const page = await openOptions(ext);
    const section = page.locator('section.channels');
    await expect.poll(() => section.getByRole('heading', { name: '手机和聊天提醒' }).count()).toBe(1);
    await section.getByRole('button', { name: '添加推送渠道' }).click();
    await expect.poll(() => section.getByLabel('主题').count()).toBe(1);
    await shoot(page, 'options-channels-zh_CN.png');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'options-channels-zh_CN-dark.png');
  });
});
