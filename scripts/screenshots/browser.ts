// The build under test in headless Chromium with every simulator it talks to (chatgpt.com, the
// shops, ntfy and the other channel services), the pictures' sites granted as the user grants them.
import type { Page } from 'playwright-core';
import type { ViewRequest, WorkerResponse } from '../../src/shared/protocol';
import { type Extension, launchExtension, waitFor } from '../../tests/e2e/harness';
import { addSites, requestByClick } from '../../tests/e2e/host-grants';
import { type ChannelSims, startChannelSims } from '../../tests/sim/channels/server';
import { type ShopSim, startShopSim } from '../../tests/sim/shop/server';
import { type Simulator, startSimulator } from '../../tests/sim/simulator';

export interface Run {
  ext: Extension;
  chatgpt: Simulator;
  shop: ShopSim;
  channels: ChannelSims;
  /** An extension page (the popup's document in a tab) to message the worker and write storage from. */
  driver: Page;
  toWorker(request: ViewRequest): Promise<WorkerResponse>;
  close(): Promise<void>;
}

export interface RunOptions {
  extensionDir: string;
  /** Browser UI language, e.g. 'zh-CN'; the extension's locale follows it. */
  lang: string;
  /** Host patterns to grant, as "Site access → Add site" and a request on a click do. */
  origins: string[];
}

/** Launches and waits for the install check of ChatGPT Plus, so nothing of the first minute is still under way. */
export async function startRun(options: RunOptions): Promise<Run> {
  const chatgpt = await startSimulator({ mode: 'paused' });
  const shop = await startShopSim();
  const channels = await startChannelSims();
  // One --host-resolver-rules for all three (Chromium reads the switch once; the last one wins).
  const extraArgs = shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`, channels.hostResolverRules()] });
  const ext = await launchExtension({ sim: chatgpt, lang: options.lang, extensionDir: options.extensionDir, extraArgs });
  const closeAll = async () => {
    await ext.close();
    await Promise.all([chatgpt.close(), shop.close(), channels.close()]);
  };
  try {
    await waitFor(
      async () => ((await ext.storage()).local as Record<string, { latest?: unknown } | undefined>)['state:chatgpt-plus'],
      (state) => state?.latest != null,
      20_000,
      'the install check of ChatGPT Plus',
    );
    const driver = await ext.context.newPage();
    await driver.goto(`chrome-extension://${ext.id}/src/popup/index.html`);
    if (options.origins.length > 0) {
      await addSites(ext.context, ext.id, options.origins);
      if (!(await requestByClick(driver, { origins: options.origins }))) throw new Error(`Chromium refused ${options.origins.join(', ')}`);
    }
    const toWorker = (request: ViewRequest) => driver.evaluate((r) => chrome.runtime.sendMessage(r) as Promise<WorkerResponse>, request);
    return { ext, chatgpt, shop, channels, driver, toWorker, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
