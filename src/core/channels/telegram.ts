// Telegram Bot API sendMessage. Plain text (no parse_mode), so nothing in a watch name needs escaping;
// Telegram makes the link clickable itself.
import { classifyStatus, secondsToMs } from './classify-http';
import { field, isRecord, isWebLink, jsonHeaders, parseJson, truncate } from './text';
import type { Channel, TelegramConfig } from './types';

const API = 'https://api.telegram.org';
/** `<bot id>:<secret>`, as BotFather hands it out. */
const BOT_TOKEN = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;
/** A numeric id (groups and channels are negative) or a public `@channelusername`. */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$/;
/** 400 descriptions that name a chat the bot cannot write to: only the user can fix those. */
const CHAT_UNUSABLE =
  /chat not found|chat_id is empty|peer_id_invalid|upgraded to a supergroup|not enough rights|need administrator rights|have no rights|bot was kicked|bot is not a member|user is deactivated|chat_write_forbidden|chat_restricted/i;

export const telegram: Channel<TelegramConfig> = {
  type: 'telegram',

  buildRequest(config, event) {
    const lines = [truncate(event.title, 256), truncate(event.body, 3000), isWebLink(event.link) ? event.link : ''];
    const body = {
      chat_id: field(config.chatId),
      text: truncate(lines.filter(Boolean).join('\n\n'), 4096),
      // No preview: Telegram's servers would otherwise fetch the watched page.
      link_preview_options: { is_disabled: true },
    };
    // The Bot API takes the token nowhere but the path.
    return {
      url: `${API}/bot${field(config.botToken)}/sendMessage`,
      method: 'POST',
      headers: jsonHeaders(event.id),
      body: JSON.stringify(body),
    };
  },

  classify(status, headers, bodyText, now) {
    // {"ok": false, "error_code": 429, "description": "Too Many Requests: retry after 5", "parameters": {"retry_after": 5}}
    const answer = parseJson(bodyText);
    const ok = isRecord(answer) && answer.ok === true;
    if (status >= 200 && status < 300 && !ok) return { type: 'retry', why: `HTTP ${status} without "ok": true` };
    const description = isRecord(answer) && typeof answer.description === 'string' ? answer.description : undefined;
    const parameters = isRecord(answer) && isRecord(answer.parameters) ? answer.parameters : {};
    return classifyStatus(status, headers, now, {
      detail: description,
      retryAfterMs: secondsToMs(parameters.retry_after),
      broken: status === 400 && !!description && CHAT_UNUSABLE.test(description),
    });
  },

  origin() {
    return `${API}/*`;
  },

  validate(config) {
    const problems: string[] = [];
    const token = field(config.botToken);
    if (!token) problems.push('Bot token is missing.');
    else if (!BOT_TOKEN.test(token)) problems.push('Bot token should look like 123456789:AA… (as BotFather shows it).');
    const chat = field(config.chatId);
    if (!chat) problems.push('Chat id is missing.');
    else if (!CHAT_ID.test(chat)) problems.push('Chat id must be a number (e.g. 123456789 or -1001234567890) or @channelname.');
    return problems;
  },

  secretsOf(config) {
    return [field(config.botToken)].filter(Boolean);
  },
};
