// The welcome page as a new user meets it: a fresh profile, the extension just installed and its
// first check of ChatGPT Plus done (signed out: nothing else has happened yet). Not the seeded
// story's profile, which has watches and a phone channel the welcome page would speak of.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRun } from './browser';
import { tabPicture } from './extension-pages';
import type { Shot } from './seeded-run';

export const WELCOME_PAGE = 'src/welcome/index.html';
const TAB = { width: 960, height: 900 };
/** The pictures read "checked 40 seconds ago" whenever they are taken. */
const SINCE_INSTALL_CHECK_MS = 40_000;

export async function shootWelcome(shot: Shot, extensionDir: string, docsDir: string): Promise<string[]> {
  process.env.TZ = shot.timeZone;
  const run = await startRun({ extensionDir, lang: shot.lang, origins: [] });
  try {
    const { ext } = run;
    const local = (await ext.storage()).local as Record<string, { latest?: { at: number } }>;
    const installCheckAt = local['state:chatgpt-plus']?.latest?.at as number;
    await ext.context.clock.setFixedTime(installCheckAt + SINCE_INSTALL_CHECK_MS);
    const files: string[] = [];
    for (const dark of [false, true]) {
      const file = `welcome-${shot.locale}${dark ? '-dark' : ''}.png`;
      const page = await tabPicture(ext.context, `chrome-extension://${ext.id}/${WELCOME_PAGE}`, dark, TAB, true);
      writeFileSync(join(docsDir, file), page.png);
      files.push(file);
    }
    return files;
  } finally {
    await run.close();
  }
}
