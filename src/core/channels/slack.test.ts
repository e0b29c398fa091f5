import { describe, expect, it } from 'vitest';
import { AT, SLACK_URL, sampleEvent, slackConfig } from '../../../tests/sim/channels/events';
import { slackSender } from './send/slack';
import { slack } from './slack';

const none = new Headers();
const classify = (status: number, body: string, headers: Headers = none) => slackSender.classify(status, headers, body, AT);

describe('Slack request', () => {
  it('posts text for the notification and blocks for the message, without unfurling the page', () => {
    const request = slackSender.buildRequest(slackConfig(), sampleEvent());
    expect(request.url).toBe(SLACK_URL);
    expect(request.headers).toEqual({ 'Content-Type': 'application/json', 'X-Reopen-Watch-Event': 'evt-1' });
    expect(JSON.parse(request.body)).toEqual({
      text: 'ChatGPT Plus 升级已开放 🎉: Upgrades reopened — Ünïcödé, русский, 日本語.',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'ChatGPT Plus 升级已开放 🎉' } },
        { type: 'section', text: { type: 'plain_text', text: 'Upgrades reopened — Ünïcödé, русский, 日本語.' } },
        { type: 'section', text: { type: 'mrkdwn', text: '<https://chatgpt.com/#pricing|立即升级>' } },
      ],
      unfurl_links: false,
      unfurl_media: false,
    });
  });

  it('escapes &, < and > so a name cannot make a link or a mention', () => {
    const body = JSON.parse(
      slackSender.buildRequest(
        slackConfig(),
        sampleEvent({ title: '<!channel> A&B', link: 'https://shop.example/p?a=1&b=|x', linkLabel: '>go<' }),
      ).body,
    );
    expect(body.text).toBe('&lt;!channel&gt; A&amp;B: Upgrades reopened — Ünïcödé, русский, 日本語.');
    expect(body.blocks[0].text.text).toBe('<!channel> A&B'); // plain_text is never parsed
    expect(body.blocks[2].text.text).toBe('<https://shop.example/p?a=1&amp;b=%7Cx|&gt;go&lt;>');
  });
});

describe('Slack answers', () => {
  it('reads 200 ok as delivered', () => {
    expect(classify(200, 'ok')).toEqual({ type: 'delivered' });
  });

  it('honours Retry-After on a 429', () => {
    expect(classify(429, 'rate_limited', new Headers({ 'Retry-After': '30' }))).toEqual({
      type: 'retry',
      afterMs: 30_000,
      why: 'HTTP 429: rate_limited',
    });
    expect(classify(429, '')).toEqual({ type: 'retry', why: 'HTTP 429' });
  });

  it('reads a revoked hook, a gone channel or workspace as broken, whatever the status', () => {
    expect(classify(403, 'invalid_token')).toEqual({ type: 'broken', why: 'HTTP 403: invalid_token' });
    expect(classify(404, 'no_service')).toMatchObject({ type: 'broken' });
    expect(classify(404, 'channel_not_found')).toMatchObject({ type: 'broken' });
    expect(classify(410, 'channel_is_archived')).toMatchObject({ type: 'broken' });
    expect(classify(403, 'action_prohibited')).toMatchObject({ type: 'broken' });
    expect(classify(400, 'no_service_id')).toMatchObject({ type: 'broken' });
    expect(classify(400, 'user_not_found')).toMatchObject({ type: 'broken' });
  });

  it('retries a payload complaint, server errors and no answer', () => {
    expect(classify(400, 'invalid_payload')).toEqual({ type: 'retry', why: 'HTTP 400: invalid_payload' });
    expect(classify(500, 'rollup_error')).toMatchObject({ type: 'retry' });
    expect(classify(503, '<html>Service Unavailable</html>')).toEqual({ type: 'retry', why: 'HTTP 503' });
    expect(classify(0, '')).toMatchObject({ type: 'retry' });
  });
});

describe('Slack settings', () => {
  it('accepts an incoming webhook URL', () => {
    expect(slack.validate(slackConfig())).toEqual([]);
  });

  it('explains what is wrong', () => {
    const shape = [expect.stringContaining('must be a Slack incoming webhook URL')];
    expect(slack.validate(slackConfig({ webhookUrl: ' ' }))).toEqual(['Webhook URL is missing.']);
    expect(slack.validate(slackConfig({ webhookUrl: 'https://hooks.slack.com/triggers/T1/123/abc' }))).toEqual(shape);
    expect(slack.validate(slackConfig({ webhookUrl: SLACK_URL.replace('hooks.slack.com', 'hooks.slack.com.evil.example') }))).toEqual(
      shape,
    );
    expect(slack.validate(slackConfig({ webhookUrl: SLACK_URL.replace('https:', 'http:') }))).toHaveLength(1);
  });

  it('needs hooks.slack.com', () => {
    expect(slack.origin(slackConfig())).toBe('https://hooks.slack.com/*');
    expect(() => slack.origin(slackConfig({ webhookUrl: 'https://example.com/x' }))).toThrow();
  });
});
