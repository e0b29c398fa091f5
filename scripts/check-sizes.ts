// npm run check:sizes: the bench's size budgets (tests/bench/bundle-size.ts) on the Chrome build in
// dist/, no browser needed, so a change that breaks the chunk split fails `npm test`, not only the bench.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetLine, sizeBudgets, withinBudget } from '../tests/bench/bundle-size';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error(`check:sizes: no build in ${DIST}; run \`npm run build\` first`);
  process.exit(1);
}
const budgets = sizeBudgets(DIST);
for (const b of budgets) console.log(budgetLine(b));
const within = budgets.filter(withinBudget).length;
console.log(`check:sizes: ${budgets.length} budgets, ${within} within`);
process.exitCode = within === budgets.length ? 0 : 1;
