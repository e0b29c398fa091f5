import { describe, expect, it } from 'vitest';
import { AT, SECRETS, sampleEvent, telegramConfig } from '../../../tests/sim/channels/events';
import { telegramSender } from './send/telegram';
import { telegram } from './telegram';

const none = new Headers();
const classify = (status: number, body: unknown, headers: Headers = none) =>
  telegramSender.classify(status, headers, typeof body === 'string' ? body : JSON.stringify(body), AT);
const failure = (error_code: number, description: string, parameters?: object) => ({ ok: false, error_code, description, parameters });

describe('Telegram request', () => {
  it('calls sendMessage with plain text (nothing to escape) and no page preview', () => {
    const request = telegramSender.buildRequest(telegramConfig(), sampleEvent({ title: 'Plus <b>*open*</b> & _now_' }));
    expect(request.url).toBe(`https://api.telegram.org/bot${SECRETS.telegramToken}/sendMessage`);
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', 'X-Reopen-Watch-Event': 'evt-1' });
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      chat_id: SECRETS.telegramChat,
      text: 'Plus <b>*open*</b> & _now_\n\nUpgrades reopened — Ünïcödé, русский, 日本語.\n\nhttps://chatgpt.com/#pricing',
      link_preview_options: { is_disabled: true },
    });
    expect(body.parse_mode).toBeUndefined();
  });

  it('keeps a non-Latin title and stays within the 4096-character limit', () => {
    const body = JSON.parse(telegramSender.buildRequest(telegramConfig(), sampleEvent({ body: '長'.repeat(10_000) })).body);
    expect(body.text.startsWith('ChatGPT Plus 升级已开放 🎉\n\n長')).toBe(true);
    expect(Array.from(body.text).length).toBeLessThanOrEqual(4096);
  });

  it('sends a channel username as is', () => {
    expect(JSON.parse(telegramSender.buildRequest(telegramConfig({ chatId: ' @my_alerts ' }), sampleEvent()).body).chat_id).toBe(
      '@my_alerts',
    );
  });
});

describe('Telegram answers', () => {
  it('needs "ok": true as well as 2xx', () => {
    expect(classify(200, { ok: true, result: { message_id: 7 } })).toEqual({ type: 'delivered' });
    expect(classify(200, { ok: false })).toMatchObject({ type: 'retry' });
    expect(classify(200, '<html>captive portal</html>')).toMatchObject({ type: 'retry' });
  });

  it('waits parameters.retry_after on a 429, else Retry-After', () => {
    expect(classify(429, failure(429, 'Too Many Requests: retry after 33', { retry_after: 33 }))).toEqual({
      type: 'retry',
      afterMs: 33_000,
      why: 'HTTP 429: Too Many Requests: retry after 33',
    });
    expect(classify(429, failure(429, 'Too Many Requests'), new Headers({ 'Retry-After': '7' }))).toMatchObject({ afterMs: 7_000 });
    expect(classify(429, failure(429, 'Too Many Requests'))).not.toHaveProperty('afterMs');
  });

  it('reads a bad token, a blocked bot and an unusable chat as broken', () => {
    expect(classify(401, failure(401, 'Unauthorized'))).toEqual({ type: 'broken', why: 'HTTP 401: Unauthorized' });
    expect(classify(404, failure(404, 'Not Found'))).toMatchObject({ type: 'broken' });
    expect(classify(403, failure(403, 'Forbidden: bot was blocked by the user'))).toMatchObject({ type: 'broken' });
    for (const description of [
      'Bad Request: chat not found',
      'Bad Request: group chat was upgraded to a supergroup chat',
      'Bad Request: not enough rights to send text messages to the chat',
      'Bad Request: need administrator rights in the channel chat',
      'Bad Request: PEER_ID_INVALID',
    ]) {
      expect(classify(400, failure(400, description)), description).toMatchObject({ type: 'broken' });
    }
  });

  it('retries other failures', () => {
    expect(classify(400, failure(400, 'Bad Request: message is too long'))).toMatchObject({ type: 'retry' });
    expect(classify(500, failure(500, 'Internal Server Error'))).toMatchObject({ type: 'retry' });
    expect(classify(502, '<html>Bad Gateway</html>')).toEqual({ type: 'retry', why: 'HTTP 502' });
    expect(classify(0, '')).toMatchObject({ type: 'retry' });
  });
});

describe('Telegram settings', () => {
  it('accepts BotFather tokens and numeric or @ chat ids', () => {
    expect(telegram.validate(telegramConfig())).toEqual([]);
    expect(telegram.validate(telegramConfig({ chatId: '-1001234567890' }))).toEqual([]);
    expect(telegram.validate(telegramConfig({ chatId: '@my_alerts' }))).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(telegram.validate(telegramConfig({ botToken: '', chatId: '' }))).toEqual(['Bot token is missing.', 'Chat id is missing.']);
    expect(telegram.validate(telegramConfig({ botToken: 'abc' }))).toEqual([
      'Bot token should look like 123456789:AA… (as BotFather shows it).',
    ]);
    expect(telegram.validate(telegramConfig({ chatId: 'my chat' }))).toEqual([
      'Chat id must be a number (e.g. 123456789 or -1001234567890) or @channelname.',
    ]);
  });

  it('needs api.telegram.org', () => {
    expect(telegram.origin(telegramConfig())).toBe('https://api.telegram.org/*');
  });
});
