// The channel messages of the options page (issue 9): save, remove and test a channel. Answers name
// fields and outcomes, never a secret; every text that could quote one is redacted.
import browser from 'webextension-polyfill';
import { channelFor } from '../core/channels/index';
import { checkChannel } from '../core/channels/stored';
import type { ChannelConfig } from '../core/channels/types';
import { log } from '../shared/log';
import type { PageRequest, WorkerResponse } from '../shared/protocol';
import { redactAll, removeChannel, saveChannel } from './channel-store';
import { dropDeliveries, testChannel } from './outbox-sender';
import { releaseUnusedOrigins } from './permissions';
import { loadAll } from './store';

export type ChannelRequest = Extract<PageRequest, { type: 'save-channel' | 'remove-channel' | 'test-channel' }>;

const refused = (problems: string[]): WorkerResponse => ({ ok: false, error: problems.join(' '), problems });

export async function handleChannelRequest(request: ChannelRequest): Promise<WorkerResponse> {
  try {
    switch (request.type) {
      case 'save-channel':
        return await save(request.channel as unknown);
      case 'remove-channel': {
        const id = String(request.channelId);
        if (!(await removeChannel(id))) return refused(['No such channel.']);
        await dropDeliveries(id, 'the channel was removed');
        await releaseUnusedOrigins(await loadAll());
        log.info('channel removed', { channelId: id });
        return { ok: true };
      }
      case 'test-channel': {
        const answer = await testChannel(String(request.channelId));
        return answer.ok ? { ok: true, outcome: answer.outcome } : refused(['No such channel.']);
      }
    }
  } catch (error) {
    const text = redactAll(String(error));
    log.warn('channel request failed', { type: request.type, error: text });
    return { ok: false, error: text };
  }
}

async function save(input: unknown): Promise<WorkerResponse> {
  // Checked before asking about access: the host comes from a valid config only.
  const given = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : null;
  const first = checkChannel(given ? { ...given, id: given.id || 'new' } : input);
  if (!first.ok) return refused(first.problems);
  const origin = channelFor(first.channel).origin(first.channel);
  // The page asks for the host (a user gesture) before it sends this; without it no message could go out.
  if (!(await browser.permissions.contains({ origins: [origin] })))
    return refused([redactAll(`Reopen Watch may not reach ${origin} yet: allow it when the browser asks.`)]);
  const saved = await saveChannel(input);
  if (!saved.ok) return refused(saved.problems);
  const { channel, previous } = saved;
  if (!channel.enabled) await dropDeliveries(channel.id, 'the channel was switched off');
  if (previous && originOf(previous) !== origin) await releaseUnusedOrigins(await loadAll());
  log.info(previous ? 'channel changed' : 'channel added', { channelId: channel.id, type: channel.type, enabled: channel.enabled });
  return { ok: true, channelId: channel.id };
}

function originOf(config: ChannelConfig): string | null {
  try {
    return channelFor(config).origin(config);
  } catch {
    return null;
  }
}
