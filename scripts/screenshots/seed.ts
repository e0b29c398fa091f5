// What storage.local holds in the pictures: four watches with their days behind them, and a phone
// channel. Every state and history is made by the extension's own code (./simulate.ts) and the
// whole is read back through loadStored, readChannels and the import contract's checks, so a
// picture never shows data the extension would refuse or repair.
import type { ChannelConfig } from '../../src/core/channels/index';
import { readChannels } from '../../src/core/channels/stored';
import { CHATGPT_WATCH, CHATGPT_WATCH_ID } from '../../src/core/kinds/chatgpt-plus/built-in';
import { fullRuleProblems } from '../../src/core/kinds/check/rule-checks';
import { KEYS } from '../../src/core/storage-keys';
import { DEFAULT_SETTINGS, loadStored, SCHEMA_VERSION } from '../../src/core/stored-schema';
import { checkWatch } from '../../src/core/watch-check';
import { originPattern, type WatchDef } from '../../src/core/watch-def';
import { SHOP_PATHS } from '../../tests/sim/shop/server';
import { simulate, type WatchStory } from './simulate';
import { capacityApi, chatgpt, GPU, shop, signup, within } from './sites';
import { type Days, MINUTE } from './story';

export type Locale = 'en' | 'zh_CN';

/** The names a person would give them, in their own language. */
const NAMES: Record<Locale, { gpu: string; signup: string; capacity: string }> = {
  en: { gpu: 'RTX 5090 Founders Edition', signup: 'Lambda Peak sign-ups', capacity: 'H100 capacity API' },
  zh_CN: { gpu: 'RTX 5090 公版显卡', signup: 'Lambda Peak 注册', capacity: 'H100 算力接口' },
};

/** Ids as the worker makes them (12 hex digits). */
export const IDS = { gpu: '5f1c0e9a7b23', signup: 'a40d2c7e91f6', capacity: 'c3b8e15d0a47' } as const;
export const PHONE_CHANNEL_ID = 'b7e2a9c4d1f0';

export const GPU_URL = `https://shop.example/products/${GPU.handle}`;
const SIGNUP_URL = `https://signup.example${SHOP_PATHS.signup}`;
const CAPACITY_URL = `https://api.example${SHOP_PATHS.api}`;

/** The hosts the extension must be allowed to read for these watches and the channel. */
export const GRANTED_ORIGINS = [GPU_URL, SIGNUP_URL, CAPACITY_URL, 'https://ntfy.sh/'].map((url) => originPattern(url));

function stories(locale: Locale, d: Days): WatchStory[] {
  const { at, now } = d;
  const names = NAMES[locale];
  const userWatch = (id: string, fields: Omit<WatchDef, 'id' | 'notify' | 'enabled'>): WatchDef => ({
    id,
    ...fields,
    notify: true,
    enabled: true,
  });
  // ChatGPT Plus: signed in two minutes after installing; upgrades paused but for one 43-minute
  // reopening the previous evening; one HTTP 502 at lunchtime.
  const signInAt = at(-3, 9, 16, 20);
  const reopened = { from: at(-1, 19, 47), to: at(-1, 20, 30) };
  const blip = { from: at(-1, 13, 4), to: at(-1, 13, 9) };
  return [
    {
      def: { ...CHATGPT_WATCH, intervalMinutes: 5 },
      addedAt: d.sessions[0]?.from as number,
      site: chatgpt((t) => {
        if (t < signInAt) return 'signed-out';
        if (within(t, [reopened])) return 'open';
        if (within(t, [blip])) return 'bad-gateway';
        return 'paused';
      }),
      latencyMs: [140, 460],
      extraChecksAt: [signInAt + 2500],
      seed: 20261126,
    },
    {
      // Sold out for days but a quarter of an hour two evenings ago; back in stock thirteen minutes ago.
      def: userWatch(IDS.gpu, { name: names.gpu, kind: 'page', url: GPU_URL, rule: { type: 'auto' }, intervalMinutes: 2 }),
      addedAt: at(-3, 9, 31, 12),
      site: shop(GPU, [
        { from: at(-2, 20, 3), to: at(-2, 20, 17) },
        { from: at(0, 10, 19, 30), to: now + 60 * MINUTE },
      ]),
      latencyMs: [310, 920],
      latestCheckAgoMs: 48_000,
      seed: 5090,
    },
    {
      // "Sign-ups are temporarily paused" in the page's banner all along.
      def: userWatch(IDS.signup, {
        name: names.signup,
        kind: 'page',
        url: SIGNUP_URL,
        rule: { type: 'text', selector: '#status-banner', pausedWhen: ['temporarily paused'], mustShow: 'Create your account' },
        intervalMinutes: 10,
      }),
      addedAt: at(-3, 9, 38, 45),
      site: signup([]),
      latencyMs: [180, 520],
      latestCheckAgoMs: 6 * MINUTE,
      seed: 4242,
    },
    {
      // No H100 available in the region since it was added.
      def: userWatch(IDS.capacity, {
        name: names.capacity,
        kind: 'json',
        url: CAPACITY_URL,
        rule: { type: 'json', pointer: '/data/available', test: 'truthy' },
        intervalMinutes: 5,
      }),
      addedAt: at(-2, 14, 6, 20),
      site: capacityApi([]),
      latencyMs: [90, 260],
      latestCheckAgoMs: 200_000,
      seed: 100,
    },
  ];
}

export interface Seed {
  /** storage.local as the worker keeps it. */
  local: Record<string, unknown>;
  watchIds: string[];
}

export async function seed(locale: Locale, d: Days): Promise<Seed> {
  const all = stories(locale, d);
  const local: Record<string, unknown> = {
    schemaVersion: SCHEMA_VERSION,
    settings: DEFAULT_SETTINGS,
    watchIds: all.map((s) => s.def.id),
    sitesAsked: GRANTED_ORIGINS,
  };
  for (const story of all) {
    const { id, ...asked } = story.def;
    if (id !== CHATGPT_WATCH_ID) {
      const checked = checkWatch(asked, fullRuleProblems);
      if (!checked.ok) throw new Error(`the ${id} watch breaks the import contract: ${checked.problems.join('; ')}`);
    }
    const { state, history } = await simulate(story, d.sessions);
    Object.assign(local, { [KEYS.def(id)]: story.def, [KEYS.state(id)]: state, [KEYS.history(id)]: history });
  }

  // The phone: an ntfy channel set up on the first morning, which had the reopening delivered.
  const gpuState = local[KEYS.state(IDS.gpu)] as { lastReopenAlertAt: number | null };
  if (!gpuState.lastReopenAlertAt) throw new Error('the story has the graphics card in stock, but it raised no alert');
  const phone = {
    id: PHONE_CHANNEL_ID,
    type: 'ntfy',
    name: locale === 'zh_CN' ? '手机' : 'Phone',
    enabled: true,
    topic: 'reopen-watch-k7Qm2xWp',
    savedAt: d.at(-3, 9, 44, 2),
  } as unknown as ChannelConfig;
  const channels = readChannels([phone]);
  if (channels.repairs.length > 0) throw new Error(`the seeded channel is refused: ${channels.repairs.join('; ')}`);
  local[KEYS.channels] = [phone];
  local[KEYS.channelStatus] = { [PHONE_CHANNEL_ID]: { lastDelivered: gpuState.lastReopenAlertAt + 1240 } };

  const loaded = loadStored(local);
  if (loaded.repairs.length > 0) {
    throw new Error(`the seeded state does not fit src/core/stored-schema.ts; update scripts/screenshots/: ${loaded.repairs.join('; ')}`);
  }
  // The toolbar summary, computed as the worker would.
  return { local: { ...local, ...loaded.writes }, watchIds: all.map((s) => s.def.id) };
}
