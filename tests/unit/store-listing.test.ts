// The store listings under store/ (Chrome Web Store and addons.mozilla.org, English and Simplified
// Chinese): within each store's limits, every permission the built manifests ask for explained in
// every listing, and the data answers saying what PRIVACY.md, the Firefox manifest and the code say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromeManifest, firefoxManifest } from '../../scripts/manifests';
import { CHANNEL_DATA } from '../../src/shared/channel-access';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/**
 * The stores' limits, in characters (code points). Sources:
 * - Chrome: manifest `name` at most 75 and `description` at most 132 characters, and the store takes
 *   both from the manifest (developer.chrome.com/docs/extensions/reference/manifest/name and
 *   …/manifest/description); the detailed description at most 16,000 (Google's own store guidance,
 *   GoogleChrome/modern-web-guidance skills/chrome-extensions/references/webstore/store-listing.md).
 * - Microsoft Edge Add-ons, which takes the same package: name at most 45 (MDN, manifest.json/name).
 * - addons.mozilla.org: name at most 50, summary at most 250, description unlimited
 *   (mozilla/addons-server, src/olympia/addons/serializers.py, AddonSerializer's max_length).
 */
const LIMITS = {
  manifestName: 75,
  manifestDescription: 132,
  edgeName: 45,
  chrome: { Name: 75, Summary: 132, Description: 16_000 },
  firefox: { Name: 50, Summary: 250 },
} as const;

const LOCALES = ['en', 'zh_CN'] as const;
type Locale = (typeof LOCALES)[number];
const STORES = { chrome: chromeManifest(), firefox: firefoxManifest() } as const;
type Store = keyof typeof STORES;

const FIELDS: Record<Store, string[]> = {
  chrome: [
    'Name',
    'Summary',
    'Description',
    'Category',
    'Language',
    'Single purpose',
    'Permission justifications',
    'Remote code',
    'Data usage',
    'Certifications',
    'Privacy policy',
  ],
  firefox: [
    'Name',
    'Summary',
    'Description',
    'Categories',
    'License',
    'Privacy policy',
    'Data collection',
    'Permission justifications',
    'Notes to reviewers',
  ],
};

/** The Chrome Web Store's data categories, and the Firefox data type each one is. */
const CHROME_DATA_TYPES: Record<string, string> = {
  'Personally identifiable information': 'personallyIdentifyingInfo',
  'Health information': 'healthInfo',
  'Financial and payment information': 'financialAndPaymentInfo',
  'Authentication information': 'authenticationInfo',
  'Personal communications': 'personalCommunications',
  Location: 'locationInfo',
  'Web history': 'browsingActivity',
  'User activity': 'websiteActivity',
  'Website content': 'websiteContent',
};

const length = (text: string) => [...text].length;

/** `## Field` sections, by field name; each body trimmed. */
function sections(text: string, level = '##'): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(new RegExp(`^${level} (.+)$`, 'm'));
  for (let i = 1; i < parts.length; i += 2) found.set((parts[i] ?? '').trim(), (parts[i + 1] ?? '').trim());
  return found;
}

const listing = (store: Store, locale: Locale) => sections(read(`store/${store}/${locale}.md`));
const field = (store: Store, locale: Locale, name: string) => listing(store, locale).get(name) ?? '';
const messages = (locale: Locale): Record<string, { message: string }> => JSON.parse(read(`src/public/_locales/${locale}/messages.json`));

/** Every entry a manifest asks for: API permissions, then host and optional host patterns. */
const asked = (manifest: (typeof STORES)[Store]): string[] => [
  ...manifest.permissions,
  ...manifest.host_permissions,
  ...manifest.optional_host_permissions,
];

const declared = firefoxManifest().browser_specific_settings.gecko.data_collection_permissions;
/** The Firefox data types the extension may transmit, required or optional. */
const transmitted = [...declared.required, ...declared.optional].filter((type) => type !== 'none').sort();

describe.each(LOCALES)('manifest messages (%s)', (locale) => {
  const { extName, extDescription } = messages(locale);

  it('fit the manifest and every store it goes to', () => {
    expect(length(extName?.message ?? '')).toBeGreaterThan(0);
    expect(length(extName?.message ?? '')).toBeLessThanOrEqual(Math.min(LIMITS.manifestName, LIMITS.edgeName, LIMITS.firefox.Name));
    expect(length(extDescription?.message ?? '')).toBeGreaterThan(0);
    expect(length(extDescription?.message ?? '')).toBeLessThanOrEqual(LIMITS.manifestDescription);
  });
});

describe.each(Object.keys(STORES).flatMap((store) => LOCALES.map((locale) => [store as Store, locale] as const)))(
  'store/%s/%s.md',
  (store, locale) => {
    it('has every field, each filled', () => {
      const found = listing(store, locale);
      for (const name of FIELDS[store]) expect(found.get(name), name).toBeTruthy();
    });

    it('stays within the store’s limits', () => {
      for (const [name, max] of Object.entries(LIMITS[store])) expect(length(field(store, locale, name)), name).toBeLessThanOrEqual(max);
    });

    it('names the extension as its manifest does in that language', () => {
      expect(field(store, locale, 'Name')).toBe(messages(locale).extName?.message);
      // The Chrome Web Store shows the manifest's description as the summary; it cannot differ.
      if (store === 'chrome') expect(field(store, locale, 'Summary')).toBe(messages(locale).extDescription?.message);
    });

    it('writes the description as plain text, as the store shows it', () => {
      expect(field(store, locale, 'Description')).not.toMatch(/\*\*|`|\]\(|^#/m);
    });

    it('explains every permission the manifest asks for, and no other', () => {
      const justified = sections(field(store, locale, 'Permission justifications'), '###');
      const names = [...justified.keys()].map((heading) => /^`([^`]+)`$/.exec(heading)?.[1] ?? heading);
      expect(names.sort()).toEqual(asked(STORES[store]).sort());
      for (const [heading, text] of justified) expect(text.length, heading).toBeGreaterThan(40);
    });
  },
);

describe('data answers', () => {
  it.each(LOCALES)('Chrome’s data usage (%s) answers every category, and "yes" exactly for what Firefox declares', (locale) => {
    const answers = [...field('chrome', locale, 'Data usage').matchAll(/^- ([A-Za-z ]+?)(?:（[^）]*）)?[:：]\s*(yes|no|是|否)/gm)];
    expect(answers.map((m) => m[1]).sort()).toEqual(Object.keys(CHROME_DATA_TYPES).sort());
    const yes = answers.filter((m) => m[2] === 'yes' || m[2] === '是').map((m) => CHROME_DATA_TYPES[m[1] ?? '']);
    expect(yes.sort()).toEqual(transmitted);
  });

  it.each(LOCALES)('Firefox’s data collection (%s) is the manifest’s data_collection_permissions', (locale) => {
    const text = field('firefox', locale, 'Data collection');
    const named = (kind: string) =>
      [...(new RegExp(`^- ${kind}[:：](.*)$`, 'm').exec(text)?.[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(named('required')).toEqual(declared.required);
    expect(named('optional')).toEqual(declared.optional);
  });

  it('are what PRIVACY.md quotes and what a channel asks Firefox for', () => {
    const quoted = /"data_collection_permissions":\s*(\{.*\})/.exec(read('PRIVACY.md'))?.[1];
    expect(JSON.parse(quoted ?? 'null')).toEqual(declared);
    expect([...CHANNEL_DATA]).toEqual(declared.optional);
  });
});

describe('Chinese listings', () => {
  // The locale files' rules (tests/unit/zh-style.test.ts): one space between Chinese and Latin
  // letters or digits, none beside full-width punctuation or between two Chinese characters; the
  // Chinese dash and ellipsis; the friendly 你, never 您.
  const HAN = '\\p{Script=Han}';
  const WIDE_PUNCT = '，。、；：？！（）《》〈〉【】「」『』“”‘’…—～／';
  const rules: Array<[string, RegExp]> = [
    ['Chinese touching a Latin letter or digit', new RegExp(`${HAN}[A-Za-z0-9]|[A-Za-z0-9]${HAN}`, 'u')],
    ['a space beside full-width punctuation', new RegExp(`\\s[${WIDE_PUNCT}]|[${WIDE_PUNCT}]\\s`, 'u')],
    ['a space between two Chinese characters', new RegExp(`${HAN}\\s+${HAN}`, 'u')],
    ['an ellipsis or a dash other than …… and ——', /\.\.\.|(?<!…)…(?!…)|(?<!—)—(?!—)/u],
    ['the formal 您', /您/u],
  ];

  it.each(Object.keys(STORES) as Store[])('store/%s/zh_CN.md is written as the locale files are', (store) => {
    const prose = read(`store/${store}/zh_CN.md`)
      .replace(/`[^`]*`/g, 'code')
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    for (const [rule, pattern] of rules)
      expect(
        prose.filter((line) => pattern.test(line)),
        rule,
      ).toEqual([]);
  });
});
