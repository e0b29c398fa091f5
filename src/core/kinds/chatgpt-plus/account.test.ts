import { describe, expect, it } from 'vitest';
import { FREE_ACCOUNT_FEATURES } from '../../../../tests/sim/chatgpt-features';
import { looksLikePlusPause, readPlusAccount } from './account';

// Feature lists shaped like real 2023–2025 accounts-check answers (~20–25 names each).
const FREE_2023 = FREE_ACCOUNT_FEATURES;
const account = (features: string[]) => ({
  accounts: { default: { features, entitlement: { has_active_subscription: false, subscription_plan: 'chatgptfreeplan' } } },
});

describe('Plus upgrade pause flags among realistic feature lists', () => {
  it('reads a free account carrying disable_team_upgrade_ui as open', () => {
    expect(readPlusAccount(account(FREE_2023))).toMatchObject({ kind: 'open', reason: 'no-pause-flag' });
  });

  it.each(['disable_plus_upgrade_ui', 'disable_upgrade_ui'])('reads the known flag %s as paused', (flag) => {
    expect(readPlusAccount(account([...FREE_2023, flag]))).toMatchObject({ kind: 'paused', reason: 'pause-flag' });
  });

  it.each([
    'pause_plus_upgrades',
    'plus_upgrade_paused_high_demand',
    'upgrade_waitlist_enabled',
    'block_upgrade_checkout',
    'disable_plus_purchase',
    'plus_waitlist',
    'high_demand_upgrade_modal',
  ])('reads a renamed pause flag %s as can’t tell, naming it', (flag) => {
    const reading = readPlusAccount(account([...FREE_2023, flag]));
    expect(reading).toMatchObject({ kind: 'error', reason: 'unknown-pause-flag' });
    expect(reading.evidence).toContain(flag);
  });

  it.each([
    'disable_team_upgrade_ui',
    'disable_pro_upgrade_ui',
    'enterprise_upgrade_waitlist',
    'disable_business_upgrade',
    'edu_upgrade_paused',
    'workspace_upgrade_blocked',
    'plus_badge',
    'upgrade_banner_v2',
    'plugins_available',
  ])('does not treat %s as a Plus pause', (flag) => {
    expect(looksLikePlusPause(flag)).toBe(false);
  });

  it('lets a known flag win over a lookalike', () => {
    expect(readPlusAccount(account([...FREE_2023, 'plus_waitlist', 'disable_plus_upgrade_ui']))).toMatchObject({ kind: 'paused' });
  });
});
