/**
 * The message key of a channel type's display name (`channelType_ntfy`…): the name is declared in
 * the locales only, and the options page and the popup both find it here, without a channel's code.
 * (The channels' storage keys are in src/core/storage-keys.ts.)
 */
export const channelTypeKey = <T extends string>(type: T): `channelType_${T}` => `channelType_${type}`;
