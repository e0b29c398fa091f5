// Discord webhook execute, with `?wait=true` so Discord answers only once the message exists.
import { type DiscordConfig, discordParts } from '../discord';
import { isRecord } from '../text';
import type { ChannelEvent, ChannelSender } from '../types';
import { classifyStatus, secondsToMs } from './classify-http';
import { isWebLink, jsonHeaders, parseJson, truncate } from './text';

/** Unknown Webhook, Invalid Webhook Token: the webhook was deleted or its URL mistyped. */
const GONE_CODES = new Set([10015, 50027]);
const COLOUR: Record<ChannelEvent['type'], number> = { reopened: 0x2e7d32, queued: 0x1d4ed8, 'cant-check': 0xef6c00, test: 0x757575 };

/** Markdown characters shown literally, so a watch name cannot format, quote or hide text. */
const escapeMarkdown = (text: string): string => text.replace(/[\\*_~`|>#[\]()-]/g, '\\$&');

export const discordSender: ChannelSender<DiscordConfig> = {
  type: 'discord',

  buildRequest(config, event) {
    const p = discordParts(config);
    if (!p) throw new Error('Webhook URL is not a Discord webhook URL.');
    // Pinned to v10, where a 429's `retry_after` is documented in seconds; the user's query (thread_id) is kept.
    const url = new URL(`https://${p.url.hostname}/api/v10/webhooks/${p.id}/${p.token}${p.url.search}`);
    url.searchParams.set('wait', 'true');
    const link = isWebLink(event.link) ? event.link : undefined;
    const body = {
      // The plain line is what a phone's push notification shows; the embed carries the link.
      content: truncate(escapeMarkdown(event.title), 2000),
      embeds: [
        {
          title: truncate(event.watch.name, 256),
          ...(link && { url: link }),
          description: truncate(escapeMarkdown(event.body), 4000),
          color: COLOUR[event.type],
          timestamp: new Date(event.at).toISOString(),
        },
      ],
      // A watch named "@everyone" must not ping anyone.
      allowed_mentions: { parse: [] },
    };
    return { url: url.toString(), method: 'POST', headers: jsonHeaders(event.id), body: JSON.stringify(body) };
  },

  classify(status, headers, bodyText, now) {
    // {"message": "You are being rate limited.", "retry_after": 1.234, "global": false} or {"message": "Unknown Webhook", "code": 10015}
    const answer = parseJson(bodyText);
    const message = isRecord(answer) && typeof answer.message === 'string' ? answer.message : undefined;
    const code = isRecord(answer) && typeof answer.code === 'number' ? answer.code : undefined;
    return classifyStatus(status, headers, now, {
      detail: message && code ? `${message} (${code})` : message,
      retryAfterMs: status === 429 && isRecord(answer) ? secondsToMs(answer.retry_after) : undefined,
      broken: code !== undefined && GONE_CODES.has(code),
    });
  },
};
