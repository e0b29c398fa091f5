// Telegram Bot API sendMessage. Plain text (no parse_mode), so nothing in a watch name needs escaping;
// Telegram makes the link clickable itself.
import { TELEGRAM_API, type TelegramConfig } from '../telegram';
import { field, isRecord } from '../text';
import type { ChannelSender } from '../types';
import { classifyStatus, secondsToMs } from './classify-http';
import { isWebLink, jsonHeaders, parseJson, truncate } from './text';

/** 400 descriptions that name a chat the bot cannot write to: only the user can fix those. */
const CHAT_UNUSABLE =
  /chat not found|chat_id is empty|peer_id_invalid|upgraded to a supergroup|not enough rights|need administrator rights|have no rights|bot was kicked|bot is not a member|user is deactivated|chat_write_forbidden|chat_restricted/i;

export const telegramSender: ChannelSender<TelegramConfig> = {
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
      url: `${TELEGRAM_API}/bot${field(config.botToken)}/sendMessage`,
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
};
