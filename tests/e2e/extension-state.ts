// Typed reads of the extension's stored state, and the popup driver the e2e suites share.
import type { Page } from 'playwright-core';
import type { Stored } from '../../src/core/stored-schema';
import type { Extension } from './harness';
import { waitFor } from './harness';

export async function storedState(ext: Extension): Promise<Stored> {
  return (await ext.storage()).local as unknown as Stored;
}

/** Clicks "Check now" in the popup and waits until the worker has stored the new reading. */
export async function checkNow(ext: Extension, popup: Page, timeoutMs = 30_000): Promise<Stored> {
  // Storage may be half-written (a test seeded it) until the worker repairs it: no watch yet reads as 0.
  const before = (await storedState(ext)).watch?.latest?.at ?? 0;
  const button = popup.getByRole('button', { name: 'Check now' });
  await button.click();
  await waitFor(
    async () => ({ latestAt: (await storedState(ext)).watch.latest?.at ?? 0, enabled: await button.isEnabled() }),
    (seen) => seen.latestAt > before && seen.enabled,
    timeoutMs,
    `a reading newer than ${before} stored and "Check now" enabled again`,
  );
  return storedState(ext);
}
