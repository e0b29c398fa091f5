// Telegram: a bot token (from BotFather) and the chat it writes to. Sending: send/telegram.ts.
import { field } from './text';
import type { ChannelField, ChannelSpec, ConfigOf } from './types';

export const TELEGRAM_API = 'https://api.telegram.org';
/** `<bot id>:<secret>`, as BotFather hands it out. */
const BOT_TOKEN = /^\d{3,}:[A-Za-z0-9_-]{20,}$/;
/** A numeric id (groups and channels are negative) or a public `@channelusername`. */
const CHAT_ID = /^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$/;

const fields = [
  {
    key: 'botToken',
    secret: true,
    required: true,
    input: 'password',
    label: 'optionsTelegramToken',
    hint: 'optionsTelegramTokenHint',
  },
  // A numeric chat id (negative for groups) or `@channelusername`.
  { key: 'chatId', secret: false, required: true, input: 'text', label: 'optionsTelegramChat', hint: 'optionsTelegramChatHint' },
] as const satisfies readonly ChannelField[];

export type TelegramConfig = ConfigOf<'telegram', typeof fields>;

export const telegram: ChannelSpec<TelegramConfig> = {
  type: 'telegram',
  fields,

  origin() {
    return `${TELEGRAM_API}/*`;
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
};
