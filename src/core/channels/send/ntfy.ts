// ntfy: JSON published to the server root, so titles in any script survive (headers are Latin-1 only).
import { type NtfyConfig, ntfyServer } from '../ntfy';
import { field, isRecord } from '../text';
import type { ChannelEvent, ChannelSender } from '../types';
import { classifyStatus } from './classify-http';
import { DEFAULT_LINK_LABEL, isWebLink, jsonHeaders, parseJson, truncate } from './text';

/** Error codes that mean the topic itself is refused: the user must change it. */
const TOPIC_REFUSED = new Set([40009, 40010]);

// Reopenings are "high" (a pop-over and sound) but not "max", which may break through Do Not Disturb at night.
const STYLE: Record<ChannelEvent['type'], { priority: number; tags: string[] }> = {
  reopened: { priority: 4, tags: ['tada'] },
  // A queue is worth a pop-over too: joining early is the point.
  queued: { priority: 4, tags: ['hourglass'] },
  'cant-check': { priority: 3, tags: ['warning'] },
  test: { priority: 3, tags: ['test_tube'] },
};

export const ntfySender: ChannelSender<NtfyConfig> = {
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
};
