import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
const sources = readdirSync(new URL('src/', root), { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.test.ts'))
  .map((f) => ({ name: f.name, dir: f.parentPath, text: readFileSync(`${f.parentPath}/${f.name}`, 'utf8') }));

/**
 * The only hosts source code may name: chatgpt.com (the built-in watch); the services a user can
 * configure as a channel (only ever contacted once they did); schema.org, a vocabulary, never fetched.
 */
const ALLOWED_HOSTS: Array<[RegExp, string[]]> = [
  [
    /src\/core\/channels$/,
    ['https://ntfy.sh', 'https://api.telegram.org', 'https://discord.com', 'https://discordapp.com', 'https://hooks.slack.com'],
  ],
  [/src\/core\/kinds\/page\/read$/, ['http://schema.org', 'https://schema.org']],
];

describe('security review', () => {
  it('asks for exactly the permissions the README justifies', () => {
    const section = readme.slice(readme.indexOf('## Permissions, and why'), readme.indexOf('## Privacy'));
    const justified = [...section.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]);
    const asked = [
      ...manifest.permissions,
      ...manifest.host_permissions.map((h: string) => `host_permissions: ${h}`),
      `optional_host_permissions: ${manifest.optional_host_permissions.join(' ')}`,
    ];
    expect(asked.sort()).toEqual(justified.sort());
  });

  it('exposes nothing to web pages and runs no remote code', () => {
    for (const key of ['content_scripts', 'externally_connectable', 'web_accessible_resources', 'content_security_policy']) {
      expect(manifest[key], key).toBeUndefined();
    }
    expect(manifest.host_permissions).toEqual(['https://chatgpt.com/*']);
    // Every other site is asked for when a watch needs it, never granted at install.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('never renders raw HTML, evaluates strings, or talks to any host but chatgpt.com', () => {
    for (const { name, dir, text } of sources) {
      expect(text, name).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/);
      // Reading a rendered page serialises it (src/render/frame-reader.ts, its one reader); nothing ever sets HTML.
      const serialises = [...text.matchAll(/outerHTML(\s*=(?!=))?/g)];
      expect(
        serialises.filter((m) => m[1] || name !== 'frame-reader.ts').map((m) => m[0]),
        name,
      ).toEqual([]);
      const allowed = ['https://chatgpt.com', ...(ALLOWED_HOSTS.find(([folder]) => folder.test(dir.replace(/\\/g, '/')))?.[1] ?? [])];
      for (const url of text.match(/https?:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+/gi) ?? []) expect(allowed, `${name}: ${url}`).toContain(url);
    }
  });
});
