// npm run bench: bundle sizes, requests/bytes/time per check in real Chromium against the
// simulator, and storage after a simulated year. Prints a table with each budget beside its figure.
import { execFileSync } from 'node:child_process';
import { chromePath } from '../e2e/chrome-path';
import { forgetOriginContacts, storedState } from '../e2e/extension-state';
import { DIST, launchExtension } from '../e2e/harness';
import { probeRequests, signIn, startSimulator } from '../sim/simulator';
import { popupSize, serviceWorkerSize } from './bundle-size';
import { simulateYear } from './year-of-checks';

const CHECKS = 25;
const KiB = 1024;
const rows: Array<[string, string, string, boolean | null]> = [];
const row = (what: string, value: string, budget = '', ok: boolean | null = null) => rows.push([what, value, budget, ok]);
const kib = (bytes: number) => `${(bytes / KiB).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] as number) : ((s[s.length / 2 - 1] as number) + (s[s.length / 2] as number)) / 2;
};

const sw = serviceWorkerSize(DIST);
const popup = popupSize(DIST);
row(`service worker JS, raw (${sw.files.length} files)`, kib(sw.raw), '≤ 30 KiB', sw.raw <= 30 * KiB);
row('service worker JS, gzip', kib(sw.gzip));
row(`popup JS, raw (${popup.files.length} files)`, kib(popup.raw));
row('popup JS, gzip', kib(popup.gzip), '≤ 20 KiB', popup.gzip <= 20 * KiB);

const sim = await startSimulator({ mode: 'paused' });
const ext = await launchExtension({ sim });
try {
  await signIn(ext.context);
  const page = await ext.popup();
  const checkOnce = async () => {
    // Each check measured alone: not the 10 s the worker keeps between two contacts with one site.
    await forgetOriginContacts(ext);
    const before = sim.requests.length;
    const wallMs = await page.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ type: 'check-now', watchId: 'chatgpt-plus' });
      return performance.now() - start;
    });
    const requests = probeRequests(sim, before);
    const latest = (await storedState(ext)).watch.latest;
    if (!latest) throw new Error('the check stored no reading');
    return { wallMs, requests: requests.length, bytes: requests.reduce((s, r) => s + r.bytes, 0), latest };
  };
  await checkOnce(); // warm-up: the first check also loads the worker's modules
  const runs = [];
  for (let i = 0; i < CHECKS; i++) runs.push(await checkOnce());
  const kinds = new Set(runs.map((r) => r.latest.kind));
  const maxRequests = Math.max(...runs.map((r) => r.requests));
  row(`requests per check (${CHECKS} paused checks, max)`, String(maxRequests), '≤ 2', maxRequests <= 2);
  row('response bytes per check (median)', `${median(runs.map((r) => r.bytes))} B`);
  row('probe time per check (median, in the worker)', `${median(runs.map((r) => r.latest.durationMs)).toFixed(0)} ms`);
  row('"Check now" round trip (median, popup → worker → storage)', `${median(runs.map((r) => r.wallMs)).toFixed(0)} ms`);
  if (kinds.size !== 1 || !kinds.has('paused')) throw new Error(`expected only paused checks, got ${[...kinds].join(', ')}`);

  sim.mode = 'open';
  const reopening = await checkOnce();
  row('requests for a reopening (check + confirmation)', String(reopening.requests), '≤ 3', reopening.requests <= 3);
  row('confirmation delay included in that round trip', `${reopening.wallMs.toFixed(0)} ms`);
} finally {
  await ext.close();
  await sim.close();
}

const year = simulateYear();
row(
  `storage after a year of 30 s checks (${year.checks.toLocaleString('en')} readings)`,
  kib(year.bytes),
  '≤ 256 KiB',
  year.bytes <= 256 * KiB,
);

const chromium = execFileSync(chromePath(), ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`\nReopen Watch benchmark — ${new Date().toISOString().slice(0, 10)}, ${chromium}, Node ${process.version}\n`);
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['measure', 'value', 'budget'][i]?.length ?? 0));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
console.log(`${line(['measure', 'value', 'budget'])} ok |`);
console.log(`${line(widths.map((w) => '-'.repeat(w)))} -- |`);
for (const [what, value, budget, ok] of rows) console.log(`${line([what, value, budget])} ${ok === null ? '  ' : ok ? '✓ ' : '✗ '} |`);
const failed = rows.filter((r) => r[3] === false);
console.log(failed.length ? `\n${failed.length} budget(s) exceeded` : '\nall budgets met');
process.exitCode = failed.length ? 1 : 0;
