// The structure every kind keeps (refined-github's features.test.ts is the model): adding a kind
// means a folder with a spec and a probe, its words in both locales, a reason text for each of its
// reasons, readers (read/) and a full rule check (check/) if it has rules, an editor face, and a
// simulator the end-to-end tests read it from. tests/unit/chunk-folders.test.ts keeps read/ and
// check/ out of the worker.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reasonKey } from '../../shared/status-view';
import { probeFor } from '.';
import { BUILT_IN_WATCHES } from './built-ins';
import { RULE_CHECKS } from './check/rule-checks';
import { CONFIRM_DELAY_MS, REASON_CODES, specOf, WATCH_KINDS } from './registry';
import { SITE_PROBES } from './site-probes';
import type { KindWords } from './spec';

const locale = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${name}/messages.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const LOCALES = { en: locale('en'), zh_CN: locale('zh_CN') };

/** Where the end-to-end tests find a site that answers each kind (tests/sim). */
const SIMULATORS: Record<string, string> = {
  'chatgpt-plus': 'tests/sim/simulator.ts',
  page: 'tests/sim/shop/pages.ts',
  json: 'tests/sim/shop/server.ts',
};

const wordKeys = (kind: (typeof WATCH_KINDS)[number]): string[] => {
  const { headlines, since, fastInterval, stateWords, reopenedTitles, ...single } = specOf(kind).words as KindWords;
  return [
    ...Object.values(reopenedTitles ?? {}).flatMap((titles) => [titles.open, titles.again]),
    ...Object.values(stateWords ?? {}).flatMap((words) => Object.values(words)),
    ...Object.values(headlines),
    ...Object.values(single).filter((v): v is string => typeof v === 'string'),
    ...(since ? [since.open, since.paused] : []),
    ...(fastInterval ? [fastInterval.hint] : []),
  ];
};

/** The folders of src/core/kinds: one per kind, and the readers' and rule checks' shared read/ and check/. */
const here = (path: string) => new URL(path, import.meta.url);
const FOLDERS = readdirSync(here('./'), { withFileTypes: true })
  .filter((f) => f.isDirectory())
  .map((f) => f.name);

it('has a folder for each kind and none for a kind it does not know', () => {
  expect(FOLDERS.filter((name) => name !== 'read' && name !== 'check').sort()).toEqual([...WATCH_KINDS].sort());
});

describe.each(WATCH_KINDS.map((kind) => [kind]))('the %s kind', (kind) => {
  const spec = specOf(kind);

  it('words states only by reasons it can give', () => {
    const words = spec.words as KindWords;
    for (const reason of Object.keys({ ...words.stateWords, ...words.reopenedTitles })) expect(spec.reasonCodes, reason).toContain(reason);
  });

  it('keeps its spec and probe in its folder, and has an editor face', () => {
    for (const file of ['spec.ts', 'probe.ts']) expect(existsSync(here(`./${kind}/${file}`)), `${kind}/${file}`).toBe(true);
    const face = ['ts', 'tsx'].some((ext) => existsSync(here(`../../options/later/kinds/${kind}.${ext}`)));
    expect(face, `src/options/later/kinds/${kind}.tsx`).toBe(true);
  });

  it('is declared once, under its own name, with sane bounds', () => {
    expect(spec.kind).toBe(kind);
    expect(spec.defaultIntervalMinutes).toBeGreaterThanOrEqual(0.5);
    expect(spec.defaultIntervalMinutes).toBeLessThanOrEqual(60);
    expect(CONFIRM_DELAY_MS[kind]).toBe(spec.confirmDelayMs);
    expect(spec.reasonCodes.every((code) => (REASON_CODES as readonly string[]).includes(code))).toBe(true);
  });

  it('has a probe', () => {
    const watch = { id: 'w', name: 'W', kind, url: 'https://example.test/', rule: spec.defaultRule ?? null } as never;
    const deps = {
      fetch: async () => new Response(''),
      now: Date.now,
      readPage: async () => ({}) as never,
      renderPage: async () => ({}) as never,
      latest: null,
    };
    expect(typeof probeFor(watch, deps).check).toBe('function');
  });

  it('speaks both languages: every word and every reason it gives has a text in en and zh_CN', () => {
    const keys = [...wordKeys(kind), ...spec.reasonCodes.map((code) => reasonKey(code as never))];
    for (const [name, messages] of Object.entries(LOCALES))
      expect(
        keys.filter((key) => !(key in messages)),
        name,
      ).toEqual([]);
  });

  it('is either built in (fixed target, no rules, one per browser) or pointed at a site (rules checked in full)', () => {
    if (spec.builtIn) {
      expect(spec.ruleTypes).toEqual([]);
      expect(RULE_CHECKS[kind]).toBeUndefined();
      expect(BUILT_IN_WATCHES.filter((w) => w.kind === kind)).toHaveLength(1);
      expect(spec.targetUrl(spec.builtIn).startsWith(new URL(spec.builtIn.url).origin)).toBe(true);
    } else {
      expect(spec.ruleTypes.length).toBeGreaterThan(0);
      expect(RULE_CHECKS[kind]).toBeTypeOf('function');
      expect(kind in SITE_PROBES).toBe(true);
      // Its readers (the offscreen document's) and its full rule check (the pages') in their folders.
      for (const folder of ['read', 'check']) expect(existsSync(here(`./${kind}/${folder}/`)), `${kind}/${folder}/`).toBe(true);
      if (spec.defaultRule) expect(RULE_CHECKS[kind]?.(spec.defaultRule)).toEqual([]);
      expect(spec.targetUrl({ url: 'https://shop.test/a' })).toBe('https://shop.test/a');
    }
  });

  it('has a simulator the end-to-end tests read it from', () => {
    const file = SIMULATORS[kind];
    expect(file, `add the simulator of ${kind} to SIMULATORS`).toBeDefined();
    expect(existsSync(new URL(`../../../${file}`, import.meta.url))).toBe(true);
  });
});
