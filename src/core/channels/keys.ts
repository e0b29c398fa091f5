// The storage.local keys of channels (contract: the worker, the options page and the popup read
// them). On their own so the popup can read them without loading any channel's code.
export const CHANNELS_KEY = 'channels';
export const CHANNEL_STATUS_KEY = 'channelStatus';
export const OUTBOX_KEY = 'outbox';
