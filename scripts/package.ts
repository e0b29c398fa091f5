// npm run package: versioned zips for the Chrome Web Store (also Edge Add-ons), Firefox AMO, and the
// sources zip AMO asks for, each checked to hold exactly what it should. Version: package.json.
// The sources zip is `git archive HEAD`: committed, tracked files only — never an untracked or
// ignored file such as .env, and never an uncommitted edit (a warning says when there are some).
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

/** Binary artefacts AMO's reviewers do not need to rebuild: README and test screenshots. */
const NOT_SOURCES = ['tests/screenshots', 'docs/screenshots'];

function git(args: string[]): Buffer {
  try {
    return execFileSync('git', args, { maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`git ${args[0]} failed (the sources zip needs a git checkout with a commit and git on PATH): ${stderr || error}`);
  }
}

/** AMO's reviewers rebuild from this: the files git tracks in HEAD, via git archive (which honours export-ignore). */
function sourcesZip(name: string): { name: string; bytes: number; entries: string[] } {
  const data = git(['archive', '--format=zip', 'HEAD', '--', '.', ...NOT_SOURCES.map((dir) => `:(exclude)${dir}`)]);
  writeFileSync(join(OUT, name), data);
  const entries = Object.keys(unzipSync(new Uint8Array(data)))
    .filter((entry) => !entry.endsWith('/'))
    .sort();
  return { name, bytes: data.byteLength, entries };
}

mkdirSync(OUT, { recursive: true });
const chrome = zip(`reopen-watch-${pkg.version}-chrome.zip`, filesUnder('dist'), 'dist');
const firefox = zip(`reopen-watch-${pkg.version}-firefox.zip`, filesUnder('dist-firefox'), 'dist-firefox');
const sources = sourcesZip(`reopen-watch-${pkg.version}-sources.zip`);

const problems = [...checkBuildZip(chrome, 'dist'), ...checkBuildZip(firefox, 'dist-firefox')];
for (const needed of ['package.json', 'package-lock.json', 'README.md', 'vite.config.ts', 'manifest.json']) {
  if (!sources.entries.includes(needed)) problems.push(`${sources.name}: missing ${needed}`);
}
const tracked = new Set(git(['ls-tree', '-r', '--name-only', '-z', 'HEAD']).toString('utf8').split('\0'));
for (const entry of sources.entries) {
  if (/^(node_modules|dist|dist-firefox|packages)\//.test(entry)) problems.push(`${sources.name}: should not contain ${entry}`);
  if (/(^|\/)\.env($|\.)/.test(entry)) problems.push(`${sources.name}: should not contain ${entry} (an environment file is committed)`);
  if (!tracked.has(entry)) problems.push(`${sources.name}: ${entry} is not tracked in HEAD`);
}
const edited = git(['status', '--porcelain', '--untracked-files=no']).toString('utf8').split('\n').filter(Boolean);
if (edited.length > 0) {
  const shown = edited.slice(0, 5).map((line) => `  ${line}`);
  if (edited.length > shown.length) shown.push(`  … and ${edited.length - shown.length} more`);
  console.warn(`note: ${edited.length} tracked file(s) have uncommitted changes that ${sources.name} leaves out (it holds HEAD):`);
  console.warn(`${shown.join('\n')}\nCommit before a release, so the sources match the build.`);
}

for (const r of [chrome, firefox, sources])
  console.log(`${r.name.padEnd(36)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KiB  ${r.entries.length} files`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('package check: every zip holds exactly what it should');
