// sw-cold-start-ratio: how long a stopped worker takes from a due watch's alarm to that check's
// first request, against a minimal MV3 worker (an alarm listener making one fetch) in the same
// browser, measured alternately so both see the same machine load.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { DIST, launchExtension } from '../e2e/harness';
import { addSites, requestByClick } from '../e2e/host-grants';
import type { ShopSim } from '../sim/shop/server';
import type { Simulator } from '../sim/simulator';

/** Hosts the cold-start watches and the minimal worker use: the shop simulator must serve them (`shop` kind). */
export const COLD_HOSTS = ['cold-1.example', 'cold-2.example', 'cold-3.example', 'cold-4.example', 'cold-5.example'];
export const MINIMAL_HOST = 'minimal.example';
/** The one page both fetch, each time the same (so both revalidate what the browser keeps, as a watch does). */
const PATH = '/products/cold-start';
const MINIMAL_URL = `https://${MINIMAL_HOST}${PATH}`;

/** Enough to stop the workers before the alarm fires. */
const LEAD_MS = 1_200;
/** A start seen this long before the alarm was not caused by it: that wake was not cold. */
const START_SLACK_MS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The minimal extension, written to a temporary folder: what any MV3 worker must do at least. */
function writeMinimalExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reopen-watch-minimal-'));
  const manifest = {
    manifest_version: 3,
    name: 'Minimal alarm worker',
    version: '1.0',
    background: { service_worker: 'worker.js' },
    permissions: ['alarms'],
    host_permissions: [`https://${MINIMAL_HOST}/*`],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'worker.js'), `chrome.alarms.onAlarm.addListener(() => {\n  fetch('${MINIMAL_URL}').catch(() => {});\n});\n`);
  writeFileSync(join(dir, 'page.html'), '<!doctype html><meta charset="utf-8"><title>minimal</title>');
  return dir;
}

interface Status {
  at: number;
  status: string;
}

/** Every running-status change of each worker (by script URL), as CDP reports it. */
function watchWorkers(cdp: CDPSession): Map<string, Status[]> {
  const seen = new Map<string, Status[]>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const version of event.versions) {
      const list = seen.get(version.scriptURL) ?? [];
      list.push({ at: Date.now(), status: version.runningStatus });
      seen.set(version.scriptURL, list);
    }
  });
  return seen;
}

/** Whether the worker was really cold when its alarm fired: stopped, and not started again before it. */
function wasCold(statuses: Status[] | undefined, firedAt: number): boolean {
  const before = (statuses ?? []).filter((s) => s.at < firedAt - START_SLACK_MS);
  return before.at(-1)?.status === 'stopped';
}

type Alarm = { name: string; scheduledTime: number };

export interface ColdStarts {
  ours: number[];
  minimal: number[];
  /** Samples thrown away because something woke the worker before the alarm. */
  discarded: number;
}

export async function measureColdStarts(options: { chatgpt: Simulator; shop: ShopSim; samples: number }): Promise<ColdStarts> {
  const { chatgpt, shop, samples } = options;
  const minimalDir = writeMinimalExtension();
  // Both extensions in one browser (Chromium takes a comma-separated --load-extension).
  const ext = await launchExtension({
    sim: chatgpt,
    extensionDir: `${DIST},${minimalDir}`,
    extraArgs: shop.chromiumArgs({ rules: [`MAP chatgpt.com 127.0.0.1:${chatgpt.port}`] }),
  });
  try {
    const ids = await workerIds(ext.context);
    const ourPage = await ext.context.newPage();
    await ourPage.goto(`chrome-extension://${ids.ours}/src/options/index.html`);
    const minimalPage = await ext.context.newPage();
    await minimalPage.goto(`chrome-extension://${ids.minimal}/page.html`);
    const watchIds = await setUpWatches(ext.context, ids.ours, ourPage);

    const cdp = await ext.context.newCDPSession(minimalPage);
    await cdp.send('ServiceWorker.enable');
    const statuses = watchWorkers(cdp);
    const ourScript = `chrome-extension://${ids.ours}/service-worker-loader.js`;
    const minimalScript = `chrome-extension://${ids.minimal}/worker.js`;
    const stopAll = () => cdp.send('ServiceWorker.stopAllWorkers');
    const alarmsOf = (page: Page) => page.evaluate(() => chrome.alarms.getAll()) as Promise<Alarm[]>;

    const result: ColdStarts = { ours: [], minimal: [], discarded: 0 };
    const deadline = Date.now() + samples * 40_000;
    let turn: 'ours' | 'minimal' = 'ours';
    while (result.ours.length < samples || result.minimal.length < samples) {
      if (Date.now() > deadline) throw new Error(`cold starts: only ${result.ours.length} + ${result.minimal.length} samples in time`);
      if (result.discarded > samples) throw new Error(`cold starts: ${result.discarded} samples woken early`);
      const alarms = await alarmsOf(ourPage);
      // A check in flight (its watchdog armed) or one about to start: let it finish first.
      if (alarms.some((a) => a.name.startsWith('watchdog:'))) {
        await sleep(200);
        continue;
      }
      const next = alarms.reduce<Alarm | null>((a, b) => (a && a.scheduledTime <= b.scheduledTime ? a : b), null);
      const now = Date.now();
      if (turn === 'ours' && result.ours.length < samples) {
        const id = next?.name.startsWith('check:') ? next.name.slice('check:'.length) : null;
        const host = id ? watchIds.get(id) : undefined;
        if (!next || !host || next.scheduledTime < now + LEAD_MS) {
          // Not one of ours, or too close to stop the worker in time: let it pass.
          await sleep(Math.max(200, (next?.scheduledTime ?? now) - now + 500));
          continue;
        }
        await stopAll();
        const request = await arrival(shop, host, next.scheduledTime);
        if (!wasCold(statuses.get(ourScript), next.scheduledTime)) result.discarded++;
        else result.ours.push(request - next.scheduledTime);
        await checkDone(ourPage, `check:${id}`, next.scheduledTime);
        turn = 'minimal';
      } else if (result.minimal.length < samples) {
        // The minimal worker's alarm goes where none of ours falls near it.
        const when = now + LEAD_MS + 300;
        if (next && next.scheduledTime < when + 1_500) {
          await sleep(Math.max(200, next.scheduledTime - now + 500));
          continue;
        }
        const name = `cold-${result.minimal.length + result.discarded}`;
        const scheduled = await minimalPage.evaluate(
          async ([alarm, at]) => {
            await chrome.alarms.create(alarm as string, { when: at as number });
            return (await chrome.alarms.get(alarm as string))?.scheduledTime ?? Number.NaN;
          },
          [name, when] as const,
        );
        await stopAll();
        const request = await arrival(shop, MINIMAL_HOST, scheduled);
        if (!wasCold(statuses.get(minimalScript), scheduled)) result.discarded++;
        else result.minimal.push(request - scheduled);
        turn = 'ours';
      } else {
        turn = 'ours';
      }
    }
    await cdp.detach();
    return result;
  } finally {
    await ext.close();
    rmSync(minimalDir, { recursive: true, force: true });
  }
}

/** Both workers' extension ids, told apart by their script (the harness takes whichever starts first). */
async function workerIds(context: Parameters<typeof addSites>[0]): Promise<{ ours: string; minimal: string }> {
  for (let tries = 0; tries < 100; tries++) {
    const urls = context.serviceWorkers().map((w) => new URL(w.url()));
    const ours = urls.find((u) => u.pathname === '/service-worker-loader.js')?.host;
    const minimal = urls.find((u) => u.pathname === '/worker.js')?.host;
    if (ours && minimal) return { ours, minimal };
    await sleep(200);
  }
  throw new Error('cold starts: the two extensions did not both start');
}

/** One page watch per cold host, every 30 s, each host granted as the user would; ChatGPT Plus off. */
async function setUpWatches(context: Parameters<typeof addSites>[0], id: string, page: Page): Promise<Map<string, string>> {
  const send = (message: unknown) => page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Record<string, any>>;
  const off = await send({ type: 'update-watch', watchId: 'chatgpt-plus', changes: { enabled: false } });
  if (!off.ok) throw new Error(`cold starts: could not switch ChatGPT Plus off: ${JSON.stringify(off)}`);
  const patterns = COLD_HOSTS.map((host) => `https://${host}/*`);
  await addSites(context, id, patterns);
  if (!(await requestByClick(page, { origins: patterns }))) throw new Error('cold starts: the cold hosts were not granted');
  const watches = new Map<string, string>();
  for (const host of COLD_HOSTS) {
    const url = `https://${host}${PATH}`;
    const answer = await send({
      type: 'add-watch',
      watch: { name: host, kind: 'page', url, rule: { type: 'auto' }, intervalMinutes: 0.5 },
    });
    if (!answer.ok) throw new Error(`cold starts: add-watch failed: ${JSON.stringify(answer)}`);
    watches.set(answer.watchId as string, host);
  }
  return watches;
}

/** When the first request to `host` at or after `since` reached the simulator. */
async function arrival(shop: ShopSim, host: string, since: number): Promise<number> {
  const until = Math.max(Date.now(), since) + 20_000;
  for (;;) {
    const first = shop.requests({ host, path: PATH, since })[0];
    if (first) return first.at;
    if (Date.now() > until) throw new Error(`cold starts: no request to ${host} within 20 s of its alarm`);
    await sleep(10);
  }
}

/** Waits until the woken check has finished: its watchdog cleared and its next alarm set. */
async function checkDone(page: Page, alarmName: string, firedAt: number): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    const alarms = (await page.evaluate(() => chrome.alarms.getAll())) as Alarm[];
    const rearmed = alarms.find((a) => a.name === alarmName && a.scheduledTime > firedAt);
    if (rearmed && !alarms.some((a) => a.name.startsWith('watchdog:'))) return;
    if (Date.now() > until) throw new Error(`cold starts: the check behind ${alarmName} did not finish`);
    await sleep(100);
  }
}
