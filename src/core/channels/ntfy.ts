// ntfy: JSON published to the server root, so titles in any script survive (headers are Latin-1 only).
import { classifyStatus } from './classify-http';
import { DEFAULT_LINK_LABEL, field, isRecord, isWebLink, jsonHeaders, parseJson, truncate } from './text';
import type { Channel, ChannelEvent, NtfyConfig } from './types';
import { checkUrl, mustParse, originPattern } from './url';

export const DEFAULT_NTFY_SERVER = 'https://ntfy.sh';
/** ntfy's own topic rule (server, web app and Android app share it). */
const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
/** Error codes that mean the topic itself is refused: the user must change it. */
const TOPIC_REFUSED = new Set([40009, 40010]);
/** Visible ASCII: a token is sent in a header. */
const TOKEN = /^[\x21-\x7e]+$/;

/** The server without trailing slashes; the public server when none is set. */
export const ntfyServer = (config: NtfyConfig): string => (field(config.server) || DEFAULT_NTFY_SERVER).replace(/\/+$/, '');

// Reopenings are "high" (a pop-over and sound) but not "max", which may break through Do Not Disturb at night.
const STYLE: Record<ChannelEvent['type'], { priority: number; tags: string[] }> = {
  reopened: { priority: 4, tags: ['tada'] },
  'cant-check': { priority: 3, tags: ['warning'] },
  test: { priority: 3, tags: ['test_tube'] },
};

export const ntfy: Channel<NtfyConfig> = {
  type: 'ntfy',

  buildRequest(config, event) {
    const headers = jsonHeaders(event.id);
    const token = field(config.token);
    if (token) headers.Authorization = `Bearer ${token}`;
    const link = isWebLink(event.link) ? event.link : undefined;
    const body = {
      topic: field(config.topic),
      title: truncate(event.title, 250),
      message: truncate(event.body, 3000),
      ...STYLE[event.type],
      ...(link && {
        click: link,
        actions: [{ action: 'view', label: truncate(event.linkLabel || DEFAULT_LINK_LABEL, 40), url: link, clear: true }],
      }),
    };
    return { url: `${ntfyServer(config)}/`, method: 'POST', headers, body: JSON.stringify(body) };
  },

  classify(status, headers, bodyText, now) {
    // Errors are {"code": 40301, "http": 403, "error": "forbidden", "link": "…"}.
    const answer = parseJson(bodyText);
    const code = isRecord(answer) && typeof answer.code === 'number' ? answer.code : undefined;
    const words = isRecord(answer) && typeof answer.error === 'string' ? answer.error : undefined;
    const detail = words && code ? `${words} (${code})` : words;
    return classifyStatus(status, headers, now, { detail, broken: code !== undefined && TOPIC_REFUSED.has(code) });
  },

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

  secretsOf(config) {
    return [field(config.topic), field(config.token)].filter(Boolean);
  },
};
