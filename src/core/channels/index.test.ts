import { describe, expect, it } from 'vitest';
import { allConfigs, ntfyConfig, sampleEvent } from '../../../tests/sim/channels/events';
import { CHANNEL_TYPES, CHANNELS, type ChannelConfig, channelFor, isChannelType, validateChannel } from './index';
import { senderFor } from './send/index';

describe('channel registry', () => {
  it('has one channel per type, registered under its own type', () => {
    expect(Object.keys(CHANNELS).sort()).toEqual([...CHANNEL_TYPES].sort());
    for (const type of CHANNEL_TYPES) expect(CHANNELS[type].type).toBe(type);
  });

  it('lets a loop send through any channel without naming it', () => {
    for (const config of allConfigs()) {
      const channel = channelFor(config);
      expect(channel.validate(config), config.type).toEqual([]);
      const request = senderFor(config.type).buildRequest(config, sampleEvent());
      expect(request.method).toBe('POST');
      expect(request.headers['Content-Type']).toBe('application/json');
      expect(new URL(request.url).hostname).toBe(channel.origin(config).replace(/^https?:\/\/|\/\*$/g, ''));
      expect(senderFor(config.type).classify(200, new Headers(), '{"ok":true}', 0)).toEqual({ type: 'delivered' });
    }
  });

  it('validates shared fields before the channel-specific ones', () => {
    expect(validateChannel(ntfyConfig())).toEqual([]);
    expect(validateChannel(ntfyConfig({ id: '', enabled: 'yes' as never, topic: '' }))).toEqual([
      'Channel id is missing.',
      'Enabled must be true or false.',
      'Topic is missing.',
    ]);
    expect(validateChannel({ id: 'x', type: 'email', enabled: true } as unknown as ChannelConfig)).toEqual(['Unknown channel type.']);
    expect(isChannelType('slack')).toBe(true);
    expect(isChannelType('email')).toBe(false);
  });
});
