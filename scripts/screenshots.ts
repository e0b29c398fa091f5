// npm run screenshots (it builds into dist-shots/ first; or node --import tsx scripts/screenshots.ts
// after `vite build --outDir dist-shots`): the README's and the stores' pictures, from that build
// in headless Chromium. dist/ and dist-firefox/ are never touched (the e2e tests read them).
//
// The popup and pages show four watches with days behind them (scripts/screenshots/seed.ts): a
// graphics card back in stock thirteen minutes ago, a GPU cloud's sign-ups paused for days,
// ChatGPT Plus paused (with one short reopening the evening before), and a capacity API with none
// available. Their histories are made by the extension's own pure code on a virtual clock and
// written to chrome.storage.local; the pages' clock is fixed at the story's "now", so a rerun
// draws the same pictures unless the UI changed. The phone picture is the ntfy message the build
// really sends when that card comes back, caught at the ntfy simulator. Not part of npm test.
//
// Writes docs/screenshots/{popup,options,welcome}-{en,zh_CN}[-dark].png (welcome only once the
// build has src/welcome/index.html), phone-notification.png and phone-notification-zh_CN.png; and
// store/screenshots/screenshot-{1,2}-{en,zh_CN}.png, screenshot-3-en-dark.png (1280×800) and
// promo-tile-{en,zh_CN}.png (440×280).
//
// Needs Chromium and fonts-noto-cjk (as the e2e tests do), and for the phone picture
// fonts-noto-color-emoji (ntfy shows the 🎉 tag) and faketime (the message says the story's time);
// without those two it still runs, and says what is off.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCanvas, pngSize } from './screenshots/canvas';
import { phoneCardHtml, warnWithoutEmojiFont } from './screenshots/phone-card';
import { captureNtfyMessage } from './screenshots/phone-message';
import { type Shot, shootLocale } from './screenshots/seeded-run';
import { type Brand, drawStorePictures } from './screenshots/store';
import { shootWelcome, WELCOME_PAGE } from './screenshots/welcome';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = join(ROOT, 'dist-shots');
const DOCS = join(ROOT, 'docs/screenshots');
const STORE = join(ROOT, 'store/screenshots');

const SHOTS: Shot[] = [
  { locale: 'en', lang: 'en-US', timeZone: 'America/New_York' },
  { locale: 'zh_CN', lang: 'zh-CN', timeZone: 'Asia/Shanghai' },
];

/** Files under `dir` (tests aside) with their modification times. */
function filesWithTimes(dir: string): Array<{ file: string; mtimeMs: number }> {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((file) => !file.endsWith('.test.ts'))
    .map((file) => ({ file, stat: statSync(file) }))
    .filter(({ stat }) => stat.isFile())
    .map(({ file, stat }) => ({ file, mtimeMs: stat.mtimeMs }));
}

/** The pictures show dist-shots/, not src/: say so when src/ looks newer than that build. */
function checkBuild(): void {
  if (!existsSync(join(BUILD, 'manifest.json'))) throw new Error('dist-shots/ has no build: run "npm run screenshots", which builds it');
  const built = Math.max(...filesWithTimes(BUILD).map((f) => f.mtimeMs));
  const newer = filesWithTimes(join(ROOT, 'src')).filter((f) => f.mtimeMs > built);
  if (newer.length > 0) {
    const names = newer.map((f) => relative(ROOT, f.file)).slice(0, 5);
    console.warn(`note: ${newer.length} file(s) in src/ changed after dist-shots/ was built (${names.join(', ')})`);
  }
}

/** The icon and names as the build ships them. */
function brandOf(locale: string): Brand {
  const manifest = JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8')) as { short_name: string };
  const messages = JSON.parse(readFileSync(join(BUILD, '_locales', locale, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return {
    icon128: readFileSync(join(BUILD, 'icons/icon-128.png')),
    icon32: readFileSync(join(BUILD, 'icons/icon-32.png')),
    shortName: manifest.short_name,
    name: messages.extName?.message ?? manifest.short_name,
  };
}

checkBuild();
warnWithoutEmojiFont();
const welcome = existsSync(join(BUILD, WELCOME_PAGE));
if (!welcome) console.warn(`note: the build has no ${WELCOME_PAGE} yet: no welcome pictures this time`);
mkdirSync(DOCS, { recursive: true });
mkdirSync(STORE, { recursive: true });
const canvas = await openCanvas();
try {
  for (const shot of SHOTS) {
    const pictures = await shootLocale(shot, BUILD, DOCS);
    console.log(`docs/screenshots: popup and options (${shot.locale}, light and dark)`);
    if (welcome) console.log(`docs/screenshots: ${(await shootWelcome(shot, BUILD, DOCS)).join(', ')}`);

    const message = await captureNtfyMessage({
      extensionDir: BUILD,
      lang: shot.lang,
      name: pictures.gpuName,
      confirmAt: pictures.gpuReopenedAt,
    });
    const phoneFile = shot.locale === 'en' ? 'phone-notification.png' : `phone-notification-${shot.locale}.png`;
    const phonePng = await canvas.draw(phoneCardHtml(message, shot), join(DOCS, phoneFile), { width: 380 });
    console.log(`docs/screenshots/${phoneFile}: "${message.title}" / "${message.message}" [${message.tags.join(', ')}]`);

    const files = await drawStorePictures(canvas, STORE, {
      locale: shot.locale,
      lang: shot.lang,
      light: pictures.light,
      dark: pictures.dark,
      phone: { png: phonePng, ...pngSize(phonePng) },
      brand: brandOf(shot.locale),
      tileRow: pictures.gpuName,
      withDark: shot.locale === 'en',
    });
    console.log(`store/screenshots: ${files.join(', ')}`);
  }
} finally {
  await canvas.close();
}
