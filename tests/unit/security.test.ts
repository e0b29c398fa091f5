import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8'));
const readme = readFileSync(new URL('README.md', root), 'utf8');
const sources = readdirSync(new URL('src/', root), { recursive: true, withFileTypes: true })
  .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.test.ts'))
  .map((f) => ({ name: f.name, text: readFileSync(`${f.parentPath}/${f.name}`, 'utf8') }));

describe('security review', () => {
  it('asks for exactly the permissions the README justifies', () => {
    const section = readme.slice(readme.indexOf('## Permissions, and why'), readme.indexOf('## Privacy'));
    const justified = [...section.matchAll(/^\| `([^`]+)`\s*\|/gm)].map((m) => m[1]);
    const asked = [...manifest.permissions, ...manifest.host_permissions.map((h: string) => `host_permissions: ${h}`)];
    expect(asked.sort()).toEqual(justified.sort());
  });

  it('exposes nothing to web pages and runs no remote code', () => {
    for (const key of [
      'content_scripts',
      'externally_connectable',
      'web_accessible_resources',
      'content_security_policy',
      'optional_host_permissions',
    ]) {
      expect(manifest[key], key).toBeUndefined();
    }
    expect(manifest.host_permissions).toEqual(['https://chatgpt.com/*']);
  });

  it('never renders raw HTML, evaluates strings, or talks to any host but chatgpt.com', () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(
        /innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/,
      );
      for (const url of text.match(/https?:\/\/[a-z0-9.-]+/gi) ?? []) expect(url, name).toBe('https://chatgpt.com');
    }
  });
});
