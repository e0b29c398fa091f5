// The release notes of one version: its section of CHANGELOG.md (release.yml prints them for the
// GitHub release). `node --import tsx scripts/release-notes.ts 2.5.0` prints that section's text.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface ChangelogSection {
  /** The heading's text after "## ", e.g. "2.5.0 — 2026-12-10". */
  heading: string;
  /** Everything under the heading up to the next "## " heading, trimmed. */
  body: string;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The "## <version>" section, or undefined; "## 2.5.0" is never found for 2.5.01 or 12.5.0. */
export function changelogSection(changelog: string, version: string): ChangelogSection | undefined {
  const lines = changelog.split('\n');
  const heading = new RegExp(`^## ${escapeRegExp(version)}(?=\\s|$)`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return undefined;
  const next = lines.findIndex((line, i) => i > start && line.startsWith('## '));
  const body = lines
    .slice(start + 1, next < 0 ? undefined : next)
    .join('\n')
    .trim();
  return { heading: (lines[start] ?? '').slice(3).trim(), body };
}

/** The versions of CHANGELOG.md's sections, newest (topmost) first. */
export function changelogVersions(changelog: string): string[] {
  return [...changelog.matchAll(/^## (\d+\.\d+\.\d+\S*)/gm)].map((m) => m[1] ?? '');
}

/** The notes to publish for a version, or why there are none yet (a release needs a dated, filled section). */
export function releaseNotes(changelog: string, version: string): { notes: string } | { problem: string } {
  const section = changelogSection(changelog, version);
  if (!section) return { problem: `CHANGELOG.md has no "## ${version}" section` };
  if (/unreleased/i.test(section.heading))
    return { problem: `CHANGELOG.md's "## ${section.heading}" is still unreleased: date it before tagging` };
  if (!section.body) return { problem: `CHANGELOG.md's "## ${section.heading}" section is empty` };
  return { notes: `${section.body}\n` };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const version = process.argv[2];
  if (!version) {
    console.error('usage: release-notes.ts <version>');
    process.exit(2);
  }
  const result = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  if ('problem' in result) {
    console.error(result.problem);
    process.exit(1);
  }
  process.stdout.write(result.notes);
}
