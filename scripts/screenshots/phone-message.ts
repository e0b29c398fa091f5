// The real phone message: the built extension watches the graphics card on the shop simulator with
// an ntfy channel set up, the card comes back in stock, and what the extension publishes to the
// ntfy simulator is kept as it arrived (title, message, tags, link button). Nothing is made up here.

import { CONFIRM_DELAY_MS } from '../../src/core/kinds/registry';
import { forgetOriginContacts } from '../../tests/e2e/extension-state';
import { waitFor } from '../../tests/e2e/harness';
import { HTML } from '../../tests/sim/shop/pages';
import { productPage } from '../../tests/sim/shop/product-page';
import { startRun } from './browser';
import { type FakeClock, withFakeClock } from './fake-clock';
import { GPU_URL } from './seed';
import { GPU } from './sites';

/** An ntfy publish as the extension sent it (JSON to the server root). */
export interface NtfyMessage {
  title: string;
  message: string;
  tags: string[];
  priority?: number;
  click?: string;
  actions?: Array<{ action: string; label: string; url: string }>;
  /** When the simulator received it. */
  receivedAt: number;
}

const TOPIC = 'reopen-watch-k7Qm2xWp';

export interface CaptureOptions {
  extensionDir: string;
  lang: string;
  /** The watch's name, as the pictures show it. */
  name: string;
  /** When the reopening is confirmed in the story: the browser's clock is set so it happens then. */
  confirmAt: number;
}

export function captureNtfyMessage(options: CaptureOptions): Promise<NtfyMessage> {
  // Early enough for launching, granting and the first (sold out) check, about ten seconds.
  return withFakeClock(options.confirmAt - 35_000, (clock) => capture(options, clock));
}

async function capture(options: CaptureOptions, clock: FakeClock): Promise<NtfyMessage> {
  const origins = ['https://shop.example/*', 'https://ntfy.sh/*'];
  const run = await startRun({ extensionDir: options.extensionDir, lang: options.lang, origins });
  try {
    const { shop, channels, driver, toWorker } = run;
    const { host, pathname } = new URL(GPU_URL);
    const pageIn = (state: 'paused' | 'open') => ({ body: productPage(GPU, host, pathname, state), contentType: HTML });
    shop.set(GPU_URL, pageIn('paused'));
    // Only the card speaks: the built-in watch (signed out here) is switched off.
    mustSucceed(
      await toWorker({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } }),
      'switching ChatGPT Plus off',
    );
    // As the options page saves a channel: straight into storage.local (a secret never travels in a message).
    await driver.evaluate((channel) => chrome.storage.local.set({ channels: [channel] }), {
      id: 'phone',
      type: 'ntfy',
      name: 'Phone',
      enabled: true,
      topic: TOPIC,
      savedAt: Date.now(),
    });
    const added = await toWorker({
      type: 'add-watch',
      watch: { name: options.name, kind: 'page', url: GPU_URL, rule: { type: 'auto' }, intervalMinutes: 10, notify: true, enabled: true },
    });
    if (!added.ok) throw new Error(`adding the graphics card watch failed: ${JSON.stringify(added)}`);
    const watchId = (added as unknown as { watchId: string }).watchId;
    const confirmed = async () =>
      (
        (await driver.evaluate((key) => chrome.storage.local.get(key), `state:${watchId}`)) as Record<
          string,
          { confirmed?: { availability?: string } }
        >
      )[`state:${watchId}`]?.confirmed?.availability;
    await waitFor(confirmed, (a) => a === 'paused', 45_000, 'the card confirmed sold out by its first check');

    // The first reading at once, its confirmation a page's confirm delay later: confirmed at `confirmAt`.
    const wait = options.confirmAt - CONFIRM_DELAY_MS.page - clock.now();
    if (wait < 0) console.warn(`note: the phone message is ${Math.round(-wait / 1000)} s later than the story's reopening`);
    else await new Promise((r) => setTimeout(r, wait));
    shop.set(GPU_URL, pageIn('open'));
    await forgetOriginContacts(run.ext); // its first check was moments ago: no 10 s wait for its turn
    mustSucceed(await toWorker({ type: 'check-now', watchId }), 'checking the card now');
    const [sent] = await waitFor(
      async () => channels.received({ service: 'ntfy' }),
      (list) => list.length > 0,
      45_000,
      'the reopening at the ntfy simulator',
    );
    const body = sent?.json as Omit<NtfyMessage, 'receivedAt'> & { topic?: string };
    if (body.topic !== TOPIC || typeof body.title !== 'string' || typeof body.message !== 'string') {
      throw new Error(`the ntfy simulator received something else: ${sent?.body}`);
    }
    const { topic: _secret, ...message } = body;
    // The simulator runs on the real clock; the browser that sent it, on the story's.
    return { ...message, tags: Array.isArray(message.tags) ? message.tags : [], receivedAt: (sent?.at as number) + clock.offsetMs };
  } finally {
    await run.close();
  }
}

function mustSucceed(answer: { ok: boolean }, what: string): void {
  if (!answer.ok) throw new Error(`${what} failed: ${JSON.stringify(answer)}`);
}
