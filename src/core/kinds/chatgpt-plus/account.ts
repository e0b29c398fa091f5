import { say } from '../../evidence-en';
import type { Evidence } from '../../evidence-message';
import type { ReasonCode } from '../registry';

/** `disable_plus_upgrade_ui` is today's flag; `disable_upgrade_ui` is the one shipped in 2023. */
export const PAUSE_FLAGS = ['disable_plus_upgrade_ui', 'disable_upgrade_ui'] as const;
const FREE_PLAN = 'chatgptfreeplan';

/** Real accounts carry dozens of features (20–60 seen since 2023); fewer than this is not a full list. */
export const MIN_FEATURES = 5;

const PAUSE_WORDS = ['disable', 'pause', 'block', 'waitlist', 'high_demand'];
/** Flags about other plans' upgrades (free accounts carry `disable_team_upgrade_ui`) are not Plus pauses. */
const OTHER_PLANS = ['team', 'pro', 'enterprise', 'business', 'edu', 'workspace'];

/**
 * A feature name that looks like a Plus upgrade pause without being a known one: OpenAI renamed the
 * flag once, and a renamed flag must read "can't tell", never "open".
 */
export function looksLikePlusPause(feature: string): boolean {
  const name = feature.toLowerCase();
  const words = name.split(/[^a-z0-9]+/);
  const aboutPlus = words.includes('plus') || (name.includes('upgrade') && !OTHER_PLANS.some((plan) => words.includes(plan)));
  return aboutPlus && PAUSE_WORDS.some((word) => name.includes(word));
}

export interface AccountReading extends Evidence {
  kind: 'open' | 'paused' | 'subscribed' | 'error';
  reason: ReasonCode;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the accounts-check answer. Every path to `open` requires positive evidence: a well-formed
 * account whose `features` list we could read in full. Anything else is `unrecognised`.
 */
export function readPlusAccount(body: unknown): AccountReading {
  if (!isObject(body) || !isObject(body.accounts)) return unrecognised(say('evNoAccounts'));
  const account = pickAccount(body, body.accounts);
  if (!account) return unrecognised(say('evNoDefaultAccount'));

  const features = account.features;
  if (!Array.isArray(features)) return unrecognised(say('evNoFeatures'));
  if (!features.every((f) => typeof f === 'string')) return unrecognised(say('evFeaturesNotText'));

  const flag = PAUSE_FLAGS.find((f) => features.includes(f));
  if (flag) return { kind: 'paused', reason: 'pause-flag', ...say('evPauseFlag', flag) };
  const lookalike = features.find(looksLikePlusPause);
  if (lookalike) return { kind: 'error', reason: 'unknown-pause-flag', ...say('evUnknownPauseFlag', quote(lookalike)) };

  const entitlement = account.entitlement;
  if (entitlement !== undefined && entitlement !== null) {
    if (!isObject(entitlement)) return unrecognised(say('evEntitlementNotObject'));
    const active = entitlement.has_active_subscription;
    if (active !== undefined && typeof active !== 'boolean') return unrecognised(say('evActiveNotBoolean'));
    if (active === true) return { kind: 'subscribed', reason: 'active-subscription', ...say('evActiveSubscription') };
    const plan = entitlement.subscription_plan;
    if (plan !== undefined && plan !== null && typeof plan !== 'string') return unrecognised(say('evPlanNotText'));
    if (typeof plan === 'string' && plan !== '' && plan !== FREE_PLAN) {
      return { kind: 'subscribed', reason: 'paid-plan', ...say('evPaidPlan', quote(plan)) };
    }
  }
  // "No pause flag" is evidence only from a full list: a degraded answer (`features: []`) would read open.
  if (features.length < MIN_FEATURES) return unrecognised(say('evFewFeatures', features.length));
  return { kind: 'open', reason: 'no-pause-flag', ...say('evNoPauseFlag', features.length) };
}

function pickAccount(body: Json, accounts: Json): Json | null {
  const byId =
    typeof body.default_account_id === 'string' && Object.hasOwn(accounts, body.default_account_id)
      ? accounts[body.default_account_id]
      : undefined;
  if (isObject(byId)) return byId;
  if (Object.hasOwn(accounts, 'default') && isObject(accounts.default)) return accounts.default;
  const ordering = body.account_ordering;
  const first =
    Array.isArray(ordering) && typeof ordering[0] === 'string' && Object.hasOwn(accounts, ordering[0]) ? accounts[ordering[0]] : undefined;
  return isObject(first) ? first : null;
}

function unrecognised(said: Evidence): AccountReading {
  return { kind: 'error', reason: 'unrecognised', ...said };
}

/** Server text shown as evidence is shortened and stripped of control characters; the popup renders it as text. */
export function quote(text: string): string {
  const clean = [...text].map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c)).join('');
  return `"${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}"`;
}
