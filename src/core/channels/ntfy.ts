// ntfy: a server (the public ntfy.sh unless set), a topic and an optional access token. Sending: send/ntfy.ts.
import { field } from './text';
import type { ChannelField, ChannelSpec, ConfigOf } from './types';
import { checkUrl, mustParse, originPattern } from './url';

export const DEFAULT_NTFY_SERVER = 'https://ntfy.sh';
/** ntfy's own topic rule (server, web app and Android app share it). */
const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
/** Visible ASCII: a token is sent in a header. */
const TOKEN = /^[\x21-\x7e]+$/;

const fields = [
  // On a public server the topic is the password: anyone who knows it can read it. Shown as it is
  // typed (the user copies a new one into the ntfy app), never shown back once saved.
  { key: 'topic', secret: true, required: true, input: 'text', label: 'optionsNtfyTopic', hint: 'optionsNtfyTopicHint' },
  // Server origin (optionally with a path); empty or missing means the public ntfy.sh server.
  {
    key: 'server',
    secret: false,
    required: false,
    input: 'url',
    label: 'optionsNtfyServer',
    hint: 'optionsNtfyServerHint',
    placeholder: DEFAULT_NTFY_SERVER,
  },
  // Access token (`tk_…`), sent as `Authorization: Bearer`.
  { key: 'token', secret: true, required: false, input: 'password', label: 'optionsNtfyToken', removable: [] },
] as const satisfies readonly ChannelField[];

export type NtfyConfig = ConfigOf<'ntfy', typeof fields>;

/** The server without trailing slashes; the public server when none is set. */
export const ntfyServer = (config: NtfyConfig): string => (field(config.server) || DEFAULT_NTFY_SERVER).replace(/\/+$/, '');

export const ntfy: ChannelSpec<NtfyConfig> = {
  type: 'ntfy',
  fields,

  origin(config) {
    return originPattern(mustParse(ntfyServer(config), 'Server URL'));
  },

  validate(config) {
    const { url, problems } = checkUrl(ntfyServer(config), 'Server URL');
    if (url && (url.search || url.hash)) problems.push('Server URL must not contain ? or #.');
    const topic = field(config.topic);
    if (!topic) problems.push('Topic is missing.');
    else if (!TOPIC.test(topic)) problems.push('Topic may only use letters A–Z, digits, - and _ (at most 64).');
    const token = field(config.token);
    if (token && !TOKEN.test(token)) problems.push('Access token must not contain spaces or non-ASCII characters.');
    return problems;
  },
};
