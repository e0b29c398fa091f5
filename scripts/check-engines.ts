// npm run check:engines (first gate of npm test): every package in package-lock.json — direct and
// transitive, dev or not, optional platform builds included — must accept, in its `engines.node`,
// both the Node running now and the lowest Node that package.json's own `engines.node` allows (the
// lowest version of each `||` alternative). npm only warns (EBADENGINE) and installs anyway; this fails.
// Reads the lockfile, so it needs no install of its own and no dependency: a small semver range check
// for the forms package ranges use (||, hyphen ranges, <, <=, >, >=, =, ^, ~, x-ranges, "v" prefixes).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

type Version = [number, number, number];
type Op = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  op: Op;
  version: Version;
}
/** A range is a union (`||`) of intersections of comparators; an empty intersection accepts anything. */
export type Range = Comparator[][];

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** Major, minor, patch; null where the range leaves it open (missing, x, X or *). */
function parsePartial(text: string): [number | null, number | null, number | null] {
  const m = PARTIAL.exec(text);
  if (!m) throw new Error(`"${text}" is not a version`);
  const part = (s: string | undefined) => (s === undefined || /^[xX*]$/.test(s) ? null : Number(s));
  const [major, minor, patch] = [part(m[1]), part(m[2]), part(m[3])];
  // "1.x.3" means "1.x": anything after a wildcard is a wildcard too.
  if (major === null) return [null, null, null];
  if (minor === null) return [major, null, null];
  return [major, minor, patch];
}

/** The comparators one token of a range stands for, as npm's semver desugars it. */
function desugar(token: string): Comparator[] {
  const m = /^(<=|>=|<|>|=|\^|~>?)?(.*)$/.exec(token) as RegExpExecArray;
  const op = m[1] ?? '';
  const [major, minor, patch] = parsePartial(m[2] as string);
  const low = (): Version => [major ?? 0, minor ?? 0, patch ?? 0];
  /** The first version after the stretch the partial names: 1 → 2.0.0, 1.2 → 1.3.0. */
  const next = (): Version => (minor === null ? [(major as number) + 1, 0, 0] : [major as number, minor + 1, 0]);
  const any: Comparator[] = [];
  if (major === null) return op === '<' || op === '>' ? [{ op: '<', version: [0, 0, 0] }] : any;
  const exact = patch !== null;
  switch (op) {
    case '>=':
      return [{ op: '>=', version: low() }];
    case '>':
      return exact ? [{ op: '>', version: low() }] : [{ op: '>=', version: next() }];
    case '<':
      return [{ op: '<', version: low() }];
    case '<=':
      return exact ? [{ op: '<=', version: low() }] : [{ op: '<', version: next() }];
    case '^': {
      // Up to the next change of the first non-zero part the range names.
      let upper: Version = [0, 0, (patch ?? 0) + 1];
      if (major > 0 || minor === null) upper = [major + 1, 0, 0];
      else if (minor > 0 || patch === null) upper = [0, minor + 1, 0];
      return [
        { op: '>=', version: low() },
        { op: '<', version: upper },
      ];
    }
    case '~':
    case '~>':
      return [
        { op: '>=', version: low() },
        { op: '<', version: minor === null ? [major + 1, 0, 0] : [major, minor + 1, 0] },
      ];
    default: // '=' or none: exact, or an x-range for a partial version
      return exact
        ? [{ op: '=', version: low() }]
        : [
            { op: '>=', version: low() },
            { op: '<', version: next() },
          ];
  }
}

export function parseRange(text: string): Range {
  return text.split('||').map((alternative) => {
    const spaced = alternative.trim().replace(/(<=|>=|<|>|=|\^|~>?)\s+/g, '$1');
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(spaced);
    if (hyphen) {
      const [from, to] = [hyphen[1] as string, hyphen[2] as string];
      return [...desugar(`>=${from}`), ...desugar(`<=${to}`)];
    }
    return spaced === '' ? [] : spaced.split(/\s+/).flatMap(desugar);
  });
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function test(version: Version, { op, version: bound }: Comparator): boolean {
  const c = compare(version, bound);
  return { '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0, '=': c === 0 }[op];
}

export function satisfies(version: string, range: Range): boolean {
  const v = parseVersion(version);
  return range.some((alternative) => alternative.every((comparator) => test(v, comparator)));
}

export function parseVersion(text: string): Version {
  const [major, minor, patch] = parsePartial(text);
  if (major === null || minor === null || patch === null) throw new Error(`"${text}" is not a full version`);
  return [major, minor, patch];
}

const show = (v: Version) => v.join('.');

/** The lowest version each alternative of the range accepts (alternatives that accept nothing are left out). */
export function floorsOf(range: Range): string[] {
  const floors = range.map((alternative) => {
    let floor: Version = [0, 0, 0];
    for (const { op, version } of alternative) {
      const candidate: Version = op === '>' ? [version[0], version[1], version[2] + 1] : version;
      if ((op === '>=' || op === '>' || op === '=') && compare(candidate, floor) > 0) floor = candidate;
    }
    return floor;
  });
  return [...new Set(floors.filter((floor, i) => range[i]?.every((c) => test(floor, c))).map(show))];
}

interface LockEntry {
  name?: string;
  version?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  engines?: unknown;
}

/** `engines.node` of a lockfile entry; old packages may list engines as ["node >= 0.8"]. */
function nodeRange(engines: unknown): string | null {
  if (Array.isArray(engines)) {
    const node = engines.find((e): e is string => typeof e === 'string' && /^node\b/.test(e));
    return node ? node.replace(/^node\s*/, '') : null;
  }
  if (typeof engines === 'object' && engines !== null && 'node' in engines) {
    const node = (engines as { node: unknown }).node;
    return typeof node === 'string' ? node : null;
  }
  return null;
}

export interface Finding {
  pkg: string;
  range: string;
  rejects: string[];
}

export function checkEngines(
  lock: { packages: Record<string, LockEntry> },
  versions: string[],
): { checked: number; findings: Finding[]; unreadable: Finding[] } {
  const findings: Finding[] = [];
  const unreadable: Finding[] = [];
  let checked = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.link) continue; // the project itself, workspace links
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const pkg = `${name}@${entry.version ?? '?'}${entry.optional ? ' (optional)' : ''}`;
    const range = nodeRange(entry.engines);
    checked++;
    if (range === null) continue;
    try {
      const parsed = parseRange(range);
      const rejects = versions.filter((v) => !satisfies(v, parsed));
      if (rejects.length > 0) findings.push({ pkg, range, rejects });
    } catch (error) {
      unreadable.push({ pkg, range, rejects: [String((error as Error).message)] });
    }
  }
  return { checked, findings, unreadable };
}

function main(): void {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines?: { node?: string } };
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages?: Record<string, LockEntry> };
  if (!lock.packages) {
    console.error('check:engines: package-lock.json has no "packages" (lockfileVersion 1?); regenerate it with npm 7 or newer.');
    process.exit(1);
  }
  const wanted = pkg.engines?.node;
  if (!wanted) {
    console.error('check:engines: package.json has no "engines": {"node": …}; say which Node the project needs.');
    process.exit(1);
  }
  const running = process.versions.node;
  const floors = floorsOf(parseRange(wanted));
  const problems: string[] = [];
  if (!satisfies(running, parseRange(wanted))) {
    problems.push(`This is Node ${running}, but package.json "engines" asks for node ${wanted} (see .nvmrc and the README).`);
  }
  const versions = [...new Set([running, ...floors])];
  const { checked, findings, unreadable } = checkEngines({ packages: lock.packages }, versions);
  for (const f of findings) {
    const which = f.rejects.map((v) => (v === running ? `${v} (running)` : `${v} (floor of package.json engines)`)).join(', ');
    problems.push(`${f.pkg} wants node "${f.range}": does not accept ${which}`);
  }
  for (const u of unreadable) problems.push(`${u.pkg} wants node "${u.range}": cannot read that range (${u.rejects[0]})`);

  const against = `Node ${running} (running) and ${floors.join(', ')} (lowest allowed by package.json "engines": "${wanted}")`;
  if (problems.length > 0) {
    console.error(`check:engines: ${problems.length} problem(s) against ${against}:`);
    for (const p of problems) console.error(`  - ${p}`);
    console.error(
      'Pin the package to a release whose engines accept these versions, or raise "engines" in package.json, .nvmrc and the README together.',
    );
    process.exit(1);
  }
  console.log(`check:engines: all ${checked} packages in package-lock.json accept ${against}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
