// The storage.local keys of channels (contract: the worker, the options page and the popup read
// them). On their own so the popup can read them without loading any channel's code.
export const CHANNELS_KEY = 'channels';
export const CHANNEL_STATUS_KEY = 'channelStatus';
export const OUTBOX_KEY = 'outbox';

/**
 * The message key of a channel type's display name (`channelType_ntfy`…): the name is declared in
 * the locales only, and the options page and the popup both find it here, without a channel's code.
 */
export const channelTypeKey = <T extends string>(type: T): `channelType_${T}` => `channelType_${type}`;
