// Slack incoming webhook: `text` for the notification, blocks for the message. Errors come back as
// plain-text codes (`no_service`, `channel_not_found`…), which say more than the status does.
import { type SlackConfig, slackParts } from '../slack';
import type { ChannelSender } from '../types';
import { classifyStatus } from './classify-http';
import { DEFAULT_LINK_LABEL, isWebLink, jsonHeaders, truncate } from './text';

/** The webhook, its app, channel or workspace is gone or forbidden: only the user can fix these. */
const BROKEN_CODES = new Set([
  'invalid_token',
  'no_service',
  'no_service_id',
  'no_team',
  'team_disabled',
  'channel_not_found',
  'channel_is_archived',
  'action_prohibited',
  'posting_to_general_channel_denied',
  'user_not_found',
]);

/** Slack's only escapes (mrkdwn): & < > would otherwise start an entity or a link. */
const escapeSlack = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const slackSender: ChannelSender<SlackConfig> = {
  type: 'slack',

  buildRequest(config, event) {
    const p = slackParts(config);
    if (!p) throw new Error('Webhook URL is not a Slack incoming webhook URL.');
    const label = event.linkLabel || DEFAULT_LINK_LABEL;
    const blocks: unknown[] = [
      { type: 'header', text: { type: 'plain_text', text: truncate(event.title, 150) } },
      { type: 'section', text: { type: 'plain_text', text: truncate(event.body, 2900) } },
    ];
    if (isWebLink(event.link)) {
      const url = escapeSlack(event.link.replace(/\|/g, '%7C'));
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `<${url}|${escapeSlack(truncate(label, 75))}>` } });
    }
    const body = {
      text: truncate(escapeSlack(`${event.title}: ${event.body}`), 3000),
      blocks,
      // No previews: Slack's servers would otherwise fetch the watched page.
      unfurl_links: false,
      unfurl_media: false,
    };
    return { url: p.url.toString(), method: 'POST', headers: jsonHeaders(event.id), body: JSON.stringify(body) };
  },

  classify(status, headers, bodyText, now) {
    const code = bodyText.trim();
    const known = /^[a-z_]{2,64}$/.test(code) ? code : undefined;
    return classifyStatus(status, headers, now, { detail: known, broken: status >= 400 && !!known && BROKEN_CODES.has(known) });
  },
};
