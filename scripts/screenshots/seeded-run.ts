// One locale's pictures of the extension: the seeded days written to storage.local through the
// service worker, the pages' clock fixed at the story's "now" (a rerun draws the same pictures
// unless the UI changed), and the live worker kept from checking while they are taken.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS } from '../../src/core/storage-keys';
import { signIn } from '../../tests/sim/simulator';
import { startRun } from './browser';
import { type PopupPicture, popupPicture, tabPicture } from './extension-pages';
import { GRANTED_ORIGINS, IDS, type Locale, seed } from './seed';
import { days } from './story';

export interface Shot {
  locale: Locale;
  /** Browser UI language. */
  lang: string;
  /** The browser's time zone: the story happens at the same wall-clock times in each. */
  timeZone: string;
}

export interface Pictures {
  popup: PopupPicture;
  /** The options page in a store screenshot's browser window. */
  storeOptions: { png: Buffer; title: string };
}

/** The store pictures' browser window: the options page's part of it. */
export const STORE_TAB = { width: 1152, height: 620 };
const README_TAB = { width: 960, height: 900 };

export async function shootLocale(
  shot: Shot,
  extensionDir: string,
  docsDir: string,
): Promise<{ light: Pictures; dark: Pictures; gpuName: string; gpuReopenedAt: number }> {
  process.env.TZ = shot.timeZone; // for the story's wall-clock times here, and inherited by Chromium
  const d = days();
  const seeded = await seed(shot.locale, d);
  const names = seeded.watchIds.map((id) => (seeded.local[KEYS.def(id)] as { name: string }).name);
  const run = await startRun({ extensionDir, lang: shot.lang, origins: GRANTED_ORIGINS });
  try {
    const { ext } = run;
    // Signed in, so the live simulator would answer "paused" like the story if it were ever asked.
    await signIn(ext.context);
    const worker = await ext.worker();
    const freezeAlarms = () =>
      worker.evaluate(async () => {
        // The live worker runs on the real clock: keep its alarms from checking while the pictures are taken.
        for (const alarm of await chrome.alarms.getAll()) await chrome.alarms.create(alarm.name, { when: Date.now() + 3_600_000 });
      });
    await worker.evaluate(async (data) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(data);
    }, seeded.local);
    await freezeAlarms();
    await new Promise((r) => setTimeout(r, 500));
    await freezeAlarms(); // and any the new watches' arrival made
    await ext.context.clock.setFixedTime(d.now);

    const pictures = async (dark: boolean): Promise<Pictures> => {
      const suffix = `${shot.locale}${dark ? '-dark' : ''}.png`;
      const popup = await popupPicture(ext.context, ext.id, dark, names);
      writeFileSync(join(docsDir, `popup-${suffix}`), popup.png);
      const options = `chrome-extension://${ext.id}/src/options/index.html`;
      writeFileSync(join(docsDir, `options-${suffix}`), (await tabPicture(ext.context, options, dark, README_TAB, true)).png);
      return { popup, storeOptions: await tabPicture(ext.context, options, dark, STORE_TAB) };
    };
    const light = await pictures(false);
    const dark = await pictures(true);

    const after = (await ext.storage()).local as Record<string, unknown>;
    const checked = seeded.watchIds.filter((id) => {
      const at = (state: unknown) => (state as { latest?: { at?: number } } | undefined)?.latest?.at;
      return at(after[KEYS.state(id)]) !== at(seeded.local[KEYS.state(id)]);
    });
    if (checked.length > 0) throw new Error(`the extension checked ${checked.join(', ')} while the pictures were taken; run again`);
    const gpu = seeded.local[KEYS.state(IDS.gpu)] as { lastReopenAlertAt: number };
    return { light, dark, gpuName: (seeded.local[KEYS.def(IDS.gpu)] as { name: string }).name, gpuReopenedAt: gpu.lastReopenAlertAt };
  } finally {
    await run.close();
  }
}
