// npm run check:sizes: the bench's size budgets (tests/bench/bundle-size.ts) on the Chrome build in
// dist/, no browser needed, so a change that breaks the chunk split fails `npm test`, not only the bench.
// It also holds the worker to one classic script (scripts/one-file-worker.ts): that is its cold start.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetLine, manifestOf, serviceWorkerSize, sizeBudgets, withinBudget } from '../tests/bench/bundle-size';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error(`check:sizes: no build in ${DIST}; run \`npm run build\` first`);
  process.exit(1);
}
const { background } = manifestOf(DIST);
const worker = serviceWorkerSize(DIST);
const workerProblems = [
  ...(background.type === undefined ? [] : [`the manifest loads the worker as "type": "${background.type}", not a classic script`]),
  ...(worker.files.length === 1 ? [] : [`the worker loads ${worker.files.length} files (${worker.files.join(', ')}), not one`]),
];
for (const problem of workerProblems) console.error(`check:sizes: ${problem}`);
const budgets = sizeBudgets(DIST);
for (const b of budgets) console.log(budgetLine(b));
const within = budgets.filter(withinBudget).length;
console.log(`check:sizes: ${budgets.length} budgets, ${within} within`);
process.exitCode = within === budgets.length && workerProblems.length === 0 ? 0 : 1;
