import { describe, expect, it } from 'vitest';
import { brokenChannels } from './channel-trouble';

const ntfy = { id: 'ch-1', type: 'ntfy', enabled: true, topic: 'secret-topic' };
const slack = { id: 'ch-2', type: 'slack', name: ' Team room ', enabled: true, webhookUrl: 'https://hooks.slack.com/services/x' };

describe('brokenChannels (the popup’s warning)', () => {
  it('lists switched-on channels marked broken, named by the user or left to their type', () => {
    const stored = {
      channels: [ntfy, slack, { id: 'ch-3', type: 'discord', enabled: false }],
      channelStatus: {
        'ch-1': { broken: { why: 'HTTP 403: forbidden', at: 1 }, lastDelivered: 0 },
        'ch-2': { broken: { why: 'HTTP 404: no_service', at: 2 } },
        'ch-3': { broken: { why: 'switched off anyway', at: 3 } },
      },
    };
    expect(brokenChannels(stored)).toEqual([
      { id: 'ch-1', name: null, type: 'ntfy', why: 'HTTP 403: forbidden' },
      { id: 'ch-2', name: 'Team room', type: 'slack', why: 'HTTP 404: no_service' },
    ]);
  });

  it('says nothing about healthy channels, and skips what it cannot read instead of failing', () => {
    expect(brokenChannels({})).toEqual([]);
    expect(brokenChannels({ channels: [ntfy], channelStatus: { 'ch-1': { lastDelivered: 5 } } })).toEqual([]);
    expect(brokenChannels({ channels: 'junk', channelStatus: {} })).toEqual([]);
    expect(brokenChannels({ channels: [null, 7, { id: 4 }, ntfy], channelStatus: { 'ch-1': { broken: 'yes' } } })).toEqual([]);
  });
});
