// npm run check:sizes: the bench's size budgets (tests/bench/bundle-size.ts) on the Chrome build in
// dist/, no browser needed, so a change that breaks the chunk split fails `npm test`, not only the bench.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { budgetLine, sizeBudgets, withinBudget } from '../tests/bench/bundle-size';

/**
 * Budgets said blocked in an issue's closing note, with the ceiling CI holds them to meanwhile so
 * they cannot grow unseen. Each line still prints OVER against its real limit, here and in the bench.
 */
const HELD: Record<string, { ceiling: number; why: string }> = {
  'options-js-gzip': {
    ceiling: 53,
    why: 'issue 14: 2.1 loaded 51.3 KiB (the old bench never counted dynamic imports); the channel senders and the second validator move out in issue 15',
  },
};

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
if (!existsSync(join(DIST, 'manifest.json'))) {
  console.error(`check:sizes: no build in ${DIST}; run \`npm run build\` first`);
  process.exit(1);
}
const budgets = sizeBudgets(DIST);
let failed = 0;
for (const b of budgets) {
  const held = HELD[b.name];
  const passes = withinBudget(b) || (held !== undefined && b.value <= held.ceiling);
  if (!passes) failed++;
  console.log(budgetLine(b) + (held && !withinBudget(b) ? ` (held at ≤ ${held.ceiling} until fixed: ${held.why})` : ''));
}
const within = budgets.filter(withinBudget).length;
console.log(`check:sizes: ${budgets.length} budgets, ${within} within, ${failed} failing`);
process.exitCode = failed === 0 ? 0 : 1;
