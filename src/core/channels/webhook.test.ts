import { describe, expect, it } from 'vitest';
import { AT, SECRETS, sampleEvent, WEBHOOK_URL, webhookConfig } from '../../../tests/sim/channels/events';
import { webhookSender } from './send/webhook';
import { webhook } from './webhook';

const none = new Headers();
const classify = (status: number, body = '', headers: Headers = none) => webhookSender.classify(status, headers, body, AT);

describe('webhook request', () => {
  it('posts exactly the documented body, with `at` in ISO 8601, and the one custom header', () => {
    const request = webhookSender.buildRequest(webhookConfig(), sampleEvent());
    expect(request.url).toBe(WEBHOOK_URL);
    expect(request.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Reopen-Watch-Event': 'evt-1',
      'X-Api-Key': SECRETS.headerValue,
    });
    expect(request.body).toBe(
      JSON.stringify({
        event: 'reopened',
        watch: { name: 'ChatGPT Plus', url: 'https://chatgpt.com/#pricing' },
        state: 'open',
        at: '2025-01-15T09:30:00.000Z',
        evidence: 'features no longer contains disable_plus_upgrade_ui',
      }),
    );
  });

  it('sends no custom header when none is set', () => {
    const request = webhookSender.buildRequest(webhookConfig({ headerName: '', headerValue: '' }), sampleEvent({ type: 'cant-check' }));
    expect(Object.keys(request.headers)).toEqual(['Content-Type', 'X-Reopen-Watch-Event']);
    expect(JSON.parse(request.body).event).toBe('cant-check');
  });
});

describe('webhook answers', () => {
  it('reads them by status alone, never quoting the body (it may echo the header)', () => {
    expect(classify(200)).toEqual({ type: 'delivered' });
    expect(classify(204)).toEqual({ type: 'delivered' });
    expect(classify(429, `echo ${SECRETS.headerValue}`, new Headers({ 'Retry-After': '5' }))).toEqual({
      type: 'retry',
      afterMs: 5_000,
      why: 'HTTP 429',
    });
    for (const status of [401, 403, 404, 410])
      expect(classify(status, SECRETS.headerValue)).toEqual({ type: 'broken', why: `HTTP ${status}` });
    expect(classify(400)).toMatchObject({ type: 'retry' });
    expect(classify(422)).toMatchObject({ type: 'retry' });
    expect(classify(500)).toMatchObject({ type: 'retry' });
    expect(classify(0)).toMatchObject({ type: 'retry' });
    expect(classify(308)).toMatchObject({ type: 'broken' });
  });
});

describe('webhook settings', () => {
  it('accepts https anywhere and http on this machine', () => {
    expect(webhook.validate(webhookConfig())).toEqual([]);
    expect(webhook.validate(webhookConfig({ url: 'http://localhost:3000/hook', headerName: undefined, headerValue: undefined }))).toEqual(
      [],
    );
    expect(webhook.validate(webhookConfig({ url: 'http://127.0.0.1/hook' }))).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(webhook.validate(webhookConfig({ url: 'http://hooks.example.test/x' }))).toEqual([
      'URL must start with https:// (http:// only for localhost).',
    ]);
    expect(webhook.validate(webhookConfig({ headerName: 'X Api' }))).toEqual([
      'Header name may only use letters, digits and - (e.g. X-Api-Key).',
    ]);
    expect(webhook.validate(webhookConfig({ headerName: 'Cookie' }))).toEqual([
      'Header name Cookie cannot be set by an extension or is set by Reopen Watch itself.',
    ]);
    expect(webhook.validate(webhookConfig({ headerName: 'Sec-Fetch-Mode' }))).toHaveLength(1);
    expect(webhook.validate(webhookConfig({ headerName: 'x-reopen-watch-event' }))).toHaveLength(1);
    expect(webhook.validate(webhookConfig({ headerValue: '' }))).toEqual(['Header value is missing.']);
    expect(webhook.validate(webhookConfig({ headerName: '' }))).toEqual(['Header name is missing.']);
    expect(webhook.validate(webhookConfig({ headerValue: 'clé' }))).toEqual(['Header value may only use printable ASCII characters.']);
    expect(webhook.validate(webhookConfig({ headerValue: 'a\nb' }))).toHaveLength(1);
  });

  it("needs the receiver's host", () => {
    expect(webhook.origin(webhookConfig())).toBe('https://hooks.example.test/*');
    expect(webhook.origin(webhookConfig({ url: 'http://[::1]:9000/x' }))).toBe('http://[::1]/*');
  });
});
