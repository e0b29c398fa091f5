// npm run demo: the whole story on screen. The simulator stands in for chatgpt.com; Chromium runs
// the built extension; upgrades are paused, then reopen after ~30 s. Headed when a display exists.
import { ARTIFACTS, launchExtension, waitFor } from '../e2e/harness';
import { startSimulator } from './simulator';

const REOPEN_AFTER_MS = 30_000;
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const say = (text: string) => console.log(`[demo ${new Date().toLocaleTimeString()}] ${text}`);

const sim = await startSimulator({ mode: 'paused' });
say(`chatgpt.com simulator on https://127.0.0.1:${sim.port} (Chromium maps chatgpt.com there)`);
const ext = await launchExtension({ sim, headless });
say(`Chromium started ${headless ? 'headless (no display found)' : 'with a window'}; extension id ${ext.id}`);
say('Watch the toolbar badge: "!" (signed out) → "WAIT" (paused) → "OPEN" (reopened), then one notification.');

let shown = '';
const report = setInterval(async () => {
  try {
    const now = `${await ext.badge()} | ${await ext.title()}`;
    if (now !== shown) {
      shown = now;
      say(`badge ${now}`);
    }
  } catch {
    // The worker may be restarting; the next tick reads it again.
  }
}, 500);

try {
  await waitFor(ext.badge, (b) => b === '!');
  say('Signing in on chatgpt.com (the simulator sets its session cookie)…');
  const site = await ext.context.newPage();
  await site.goto('https://chatgpt.com/auth/login');
  const popup = await ext.popup();
  say('In the popup: choosing "30 seconds" and pressing "Check now".');
  await popup.getByRole('combobox').selectOption({ label: '30 seconds' });
  await popup.getByRole('button', { name: 'Check now' }).click();
  await waitFor(ext.badge, (b) => b === 'WAIT');
  say(`Upgrades are paused. They reopen in ${REOPEN_AFTER_MS / 1000} s; the next scheduled check will notice.`);
  await new Promise((r) => setTimeout(r, REOPEN_AFTER_MS));
  sim.mode = 'open';
  say('The simulator now offers Plus again (no pause flag).');
  const notes = await waitFor(ext.notifications, (n) => n.length > 0, 120_000);
  say(
    notes.length
      ? `Notification shown: ${notes.join(', ')} — "ChatGPT Plus is open again". Click opens chatgpt.com/#pricing.`
      : 'No notification within 2 minutes (unexpected).',
  );
  await popup.reload();
  await popup.locator('main').screenshot({ path: `${ARTIFACTS}/demo-popup.png` });
  say(`Popup screenshot: tests/artifacts/demo-popup.png`);
  if (!headless) {
    say('Leave the window open to explore; press Ctrl+C to end the demo.');
    await new Promise((resolve) => process.once('SIGINT', resolve));
  }
} finally {
  clearInterval(report);
  await ext.close();
  await sim.close();
}
