// One version everywhere: package.json holds it, the lockfile, the CHANGELOG's top section and both
// built manifests (scripts/manifests.ts, what vite.config.ts hands to crx()) must say the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeManifest, firefoxManifest } from '../../scripts/manifests';
import { changelogSection, changelogVersions, releaseNotes } from '../../scripts/release-notes';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const pkg = JSON.parse(read('package.json'));
const lock = JSON.parse(read('package-lock.json'));
const changelog = read('CHANGELOG.md');

describe('one version', () => {
  it('is a plain semantic version in package.json', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('is the lockfile’s, in both of its places', () => {
    expect(lock.version).toBe(pkg.version);
    expect(lock.packages[''].version).toBe(pkg.version);
  });

  it('is the CHANGELOG’s top section, and each section is a version of its own', () => {
    const versions = changelogVersions(changelog);
    expect(versions[0]).toBe(pkg.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(changelogSection(changelog, pkg.version)?.body).not.toBe('');
  });

  it('is what both manifests are built with, whatever manifest.json says', () => {
    expect(chromeManifest().version).toBe(pkg.version);
    expect(firefoxManifest().version).toBe(pkg.version);
  });
});

describe('release notes from the CHANGELOG', () => {
  const sample = [
    '# Changelog',
    '',
    '## 12.5.0 — 2027-01-02',
    'not this one',
    '## 2.5.0 — 2026-12-10',
    '',
    'The first five minutes.',
    '',
    '### Added',
    '- a welcome page',
    '',
    '## 2.5.01 — 2026-12-01',
    'nor this one',
    '## 2.4.0 — unreleased',
    '- prices',
  ].join('\n');

  it('takes one version’s section up to the next one, and only that version’s', () => {
    expect(releaseNotes(sample, '2.5.0')).toEqual({ notes: 'The first five minutes.\n\n### Added\n- a welcome page\n' });
    expect(changelogSection(sample, '2.5.0')?.heading).toBe('2.5.0 — 2026-12-10');
    expect(changelogSection(sample, '2.5')).toBeUndefined();
    expect(changelogVersions(sample)).toEqual(['12.5.0', '2.5.0', '2.5.01', '2.4.0']);
  });

  it('refuses a version without a section, an undated one, or an empty one', () => {
    expect(releaseNotes(sample, '3.0.0')).toEqual({ problem: 'CHANGELOG.md has no "## 3.0.0" section' });
    expect(releaseNotes(sample, '2.4.0')).toHaveProperty('problem', expect.stringContaining('unreleased'));
    expect(releaseNotes('## 1.0.0 — 2026-01-01\n\n## 0.9.0 — 2025-12-01\n- x', '1.0.0')).toHaveProperty(
      'problem',
      expect.stringContaining('empty'),
    );
  });
});
