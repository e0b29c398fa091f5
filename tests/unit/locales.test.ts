import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelTypeKey } from '../../src/core/channel-names';
import { CHANNEL_TYPES } from '../../src/core/channels/index';
import { REASON_CODES } from '../../src/core/kinds/registry';
import { reasonKey } from '../../src/shared/status-view';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const dir = new URL('../../src/public/_locales/', import.meta.url);
const read = (locale: string): Messages => JSON.parse(readFileSync(new URL(`${locale}/messages.json`, dir), 'utf8'));
const en = read('en');
const locales = readdirSync(dir);
const placeholders = (text: string) => [...text.matchAll(/\$([A-Z_]+)\$/gi)].map((m) => m[1]?.toLowerCase()).sort();

describe('locales', () => {
  it('ships English and Simplified Chinese', () => {
    expect(locales.sort()).toEqual(['en', 'zh_CN']);
  });

  describe.each(locales)('%s', (locale) => {
    const messages = read(locale);
    it('has exactly the English keys', () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    });
    it('has no empty messages and no stray whitespace', () => {
      for (const [key, { message }] of Object.entries(messages)) {
        expect(message.trim(), key).not.toBe('');
        expect(message, key).toBe(message.trim());
      }
    });
    it('uses the same placeholders as English, each declared', () => {
      for (const [key, entry] of Object.entries(messages)) {
        expect(placeholders(entry.message), key).toEqual(placeholders(en[key]?.message ?? ''));
        for (const name of placeholders(entry.message)) expect(entry.placeholders?.[name as string], `${key}.${name}`).toBeDefined();
      }
    });
    it('keeps badge texts within 4 characters', () => {
      for (const key of ['badgeOpen', 'badgeWait', 'badgeSubscribed', 'badgeOff'])
        expect(messages[key]?.message.length, key).toBeLessThanOrEqual(4);
    });
  });

  it('covers every key the code uses', () => {
    const source = readdirSync(new URL('../../src/', import.meta.url), { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.test.ts'))
      .map((f) => readFileSync(`${f.parentPath}/${f.name}`, 'utf8'))
      .join('\n');
    const used = [...source.matchAll(/\bt\('([A-Za-z0-9]+)'/g)].map((m) => m[1] as string);
    const quoted = new Set([...source.matchAll(/'([a-z][A-Za-z0-9]+)'/g)].map((m) => m[1]));
    for (const key of used) expect(en[key], key).toBeDefined();
    // Every message is reachable from code (or the manifest), so none rot unseen.
    const manifest = readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8');
    // Plural forms are picked by tPlural('<base>', n) as `<base>_one` / `<base>_other`.
    const base = (key: string) => key.replace(/_(one|other)$/, '');
    // Reason messages are named after the reason codes (status-view's reasonKey); checked below.
    const reasonKeys = new Set(REASON_CODES.map(reasonKey));
    // So are channel types' names (channelTypeKey); src/core/channels/specs.test.ts checks each type has one.
    const derived = new Set<string>([...reasonKeys, ...CHANNEL_TYPES.map(channelTypeKey)]);
    for (const key of Object.keys(en)) {
      expect(quoted.has(base(key)) || derived.has(key) || manifest.includes(`__MSG_${key}__`), key).toBe(true);
    }
  });

  it('explains every reason code a verdict can carry', () => {
    for (const code of REASON_CODES) expect(en[reasonKey(code)], code).toBeDefined();
  });

  it('gives every plural message both forms', () => {
    for (const key of Object.keys(en).filter((k) => /_(one|other)$/.test(k))) {
      const base = key.replace(/_(one|other)$/, '');
      expect(en[`${base}_one`], key).toBeDefined();
      expect(en[`${base}_other`], key).toBeDefined();
    }
  });

  it('uses full-width punctuation in Chinese text, never ASCII brackets, colons or commas', () => {
    for (const [key, { message }] of Object.entries(read('zh_CN'))) {
      // Placeholders, host names, URLs and ASCII code samples ({"event", …}) are not prose.
      const prose = message
        .replace(/\$[A-Z_]+\$/g, '')
        .replace(/https?:\/\/[\x21-\x7e]*/g, '')
        .replace(/\{[\x20-\x7e]*\}/g, '')
        .replace(/[a-z0-9.-]+\.(com|org)\b/gi, '');
      expect(prose, key).not.toMatch(/[():,;?!]/);
    }
  });
});
