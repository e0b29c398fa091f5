// npm run package: versioned zips for the Chrome Web Store (also Edge Add-ons), Firefox AMO, and the
// sources zip AMO asks for, each checked to hold exactly what it should. Version: package.json.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, type Zippable, zipSync } from 'fflate';
import pkg from '../package.json' with { type: 'json' };

const OUT = 'packages';
const MTIME = new Date('2026-01-01T00:00:00Z'); // fixed, so the same input gives the same zip

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile());
}

function zip(name: string, files: string[], base: string): { name: string; bytes: number; entries: string[] } {
  const tree: Zippable = {};
  for (const file of files.sort()) tree[relative(base, file)] = [readFileSync(file), { mtime: MTIME }];
  const data = zipSync(tree, { level: 9 });
  writeFileSync(join(OUT, name), data);
  return { name, bytes: data.byteLength, entries: Object.keys(unzipSync(data)).sort() };
}

/** The zip must hold the build exactly: no source maps, tests, node_modules or stray files. */
function checkBuildZip(result: ReturnType<typeof zip>, dir: string): string[] {
  const expected = filesUnder(dir)
    .map((f) => relative(dir, f))
    .sort();
  const problems: string[] = [];
  if (JSON.stringify(result.entries) !== JSON.stringify(expected)) problems.push(`${result.name}: entries differ from ${dir}/`);
  for (const entry of result.entries) {
    if (/\.map$|(^|\/)(tests?|node_modules|src\/.*\.tsx?$)/.test(entry)) problems.push(`${result.name}: should not contain ${entry}`);
  }
  if (!result.entries.includes('manifest.json')) problems.push(`${result.name}: no manifest.json at the top`);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  if (manifest.version !== pkg.version) problems.push(`${result.name}: manifest version ${manifest.version} is not ${pkg.version}`);
  return problems;
}

/** AMO's reviewers rebuild from this: everything git tracks except tests' binary artefacts. */
function sourceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('tests/screenshots/'))
    .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
}

mkdirSync(OUT, { recursive: true });
const chrome = zip(`reopen-watch-${pkg.version}-chrome.zip`, filesUnder('dist'), 'dist');
const firefox = zip(`reopen-watch-${pkg.version}-firefox.zip`, filesUnder('dist-firefox'), 'dist-firefox');
const sources = zip(`reopen-watch-${pkg.version}-sources.zip`, sourceFiles(), '.');

const problems = [...checkBuildZip(chrome, 'dist'), ...checkBuildZip(firefox, 'dist-firefox')];
for (const needed of ['package.json', 'package-lock.json', 'README.md', 'vite.config.ts', 'manifest.json']) {
  if (!sources.entries.includes(needed)) problems.push(`${sources.name}: missing ${needed}`);
}
for (const entry of sources.entries) {
  if (/^(node_modules|dist|dist-firefox|packages)\//.test(entry)) problems.push(`${sources.name}: should not contain ${entry}`);
}

for (const r of [chrome, firefox, sources])
  console.log(`${r.name.padEnd(36)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB  ${r.entries.length} files`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('package check: every zip holds exactly what it should');
