import { describe, expect, it } from 'vitest';
import { AT, ntfyConfig, SECRETS, sampleEvent } from '../../../tests/sim/channels/events';
import { ntfy } from './ntfy';
import { ntfySender } from './send/ntfy';

const none = new Headers();
const classify = (status: number, body = '', headers: Headers = none) => ntfySender.classify(status, headers, body, AT);
const ntfyError = (code: number, error: string) => JSON.stringify({ code, http: Math.floor(code / 100), error, link: 'x' });

describe('ntfy request', () => {
  it('publishes JSON to the server root, so a non-Latin title survives', () => {
    const request = ntfySender.buildRequest(ntfyConfig(), sampleEvent());
    expect(request.url).toBe('https://ntfy.sh/');
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Reopen-Watch-Event': 'evt-1',
      Authorization: `Bearer ${SECRETS.ntfyToken}`,
    });
    expect(JSON.parse(request.body)).toEqual({
      topic: SECRETS.ntfyTopic,
      title: 'ChatGPT Plus 升级已开放 🎉',
      message: 'Upgrades reopened — Ünïcödé, русский, 日本語.',
      priority: 4,
      tags: ['tada'],
      click: 'https://chatgpt.com/#pricing',
      actions: [{ action: 'view', label: '立即升级', url: 'https://chatgpt.com/#pricing', clear: true }],
    });
    // Nothing but ASCII in headers: the title is not smuggled into one.
    for (const value of Object.values(request.headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
  });

  it('uses a self-hosted server as given, without a token when none is set', () => {
    const request = ntfySender.buildRequest(ntfyConfig({ server: 'https://ntfy.example.com//', token: ' ' }), sampleEvent());
    expect(request.url).toBe('https://ntfy.example.com/');
    expect(request.headers.Authorization).toBeUndefined();
    expect(ntfySender.buildRequest(ntfyConfig({ server: 'http://localhost:8080' }), sampleEvent()).url).toBe('http://localhost:8080/');
  });

  it('styles each event type and leaves out a link that is not a web page', () => {
    const body = JSON.parse(
      ntfySender.buildRequest(ntfyConfig(), sampleEvent({ type: 'cant-check', link: 'chrome-extension://abc/options.html' })).body,
    );
    expect(body.priority).toBe(3);
    expect(body.tags).toEqual(['warning']);
    expect(body.click).toBeUndefined();
    expect(body.actions).toBeUndefined();
    expect(JSON.parse(ntfySender.buildRequest(ntfyConfig(), sampleEvent({ type: 'test', linkLabel: undefined })).body)).toMatchObject({
      tags: ['test_tube'],
      actions: [{ label: 'Open' }],
    });
  });

  it('keeps event ids with any character usable as a header value', () => {
    expect(ntfySender.buildRequest(ntfyConfig(), sampleEvent({ id: 'é 1/2' })).headers['X-Reopen-Watch-Event']).toBe('%C3%A9%201%2F2');
  });
});

describe('ntfy answers', () => {
  it('reads 2xx as delivered', () => {
    expect(classify(200, '{"id":"abc","event":"message"}')).toEqual({ type: 'delivered' });
  });

  it('retries a 429, honouring Retry-After when ntfy (or a proxy) sends one', () => {
    expect(classify(429, ntfyError(42901, 'limit reached: too many requests'))).toEqual({
      type: 'retry',
      why: 'HTTP 429: limit reached: too many requests (42901)',
    });
    expect(classify(429, '', new Headers({ 'Retry-After': '30' }))).toMatchObject({ type: 'retry', afterMs: 30_000 });
    const date = new Date(AT + 90_000).toUTCString();
    expect(classify(429, '', new Headers({ 'Retry-After': date }))).toMatchObject({ type: 'retry', afterMs: 90_000 });
  });

  it('reads 401, 403, 404 and 410 as broken, and a refused topic too', () => {
    expect(classify(401, ntfyError(40101, 'unauthorized'))).toEqual({ type: 'broken', why: 'HTTP 401: unauthorized (40101)' });
    expect(classify(403, ntfyError(40301, 'forbidden'))).toMatchObject({ type: 'broken' });
    expect(classify(404, '')).toMatchObject({ type: 'broken' });
    expect(classify(410, '')).toMatchObject({ type: 'broken' });
    expect(classify(400, ntfyError(40009, 'invalid request: topic invalid'))).toMatchObject({ type: 'broken' });
    expect(classify(400, ntfyError(40010, 'invalid request: topic name is not allowed'))).toMatchObject({ type: 'broken' });
  });

  it('retries server errors, other client errors and no answer at all', () => {
    expect(classify(500, ntfyError(50001, 'internal server error'))).toMatchObject({ type: 'retry' });
    expect(classify(502, '<html>Bad gateway</html>')).toEqual({ type: 'retry', why: 'HTTP 502' });
    expect(classify(503, '', new Headers({ 'Retry-After': '120' }))).toEqual({ type: 'retry', afterMs: 120_000, why: 'HTTP 503' });
    expect(classify(400, ntfyError(40017, 'invalid request: request body must be message JSON'))).toMatchObject({ type: 'retry' });
    expect(classify(0)).toEqual({ type: 'retry', why: 'no answer (network error or timeout)' });
  });

  it('reads a redirect as broken: the URL must be fixed, and a token never follows one', () => {
    expect(classify(301)).toMatchObject({ type: 'broken', why: expect.stringContaining('redirected') });
  });
});

describe('ntfy settings', () => {
  it('accepts the default server and a localhost one over http', () => {
    expect(ntfy.validate(ntfyConfig())).toEqual([]);
    expect(ntfy.validate(ntfyConfig({ server: 'http://127.0.0.1:2586', token: undefined }))).toEqual([]);
    expect(ntfy.validate(ntfyConfig({ server: 'http://[::1]:2586' }))).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(ntfy.validate(ntfyConfig({ server: 'http://ntfy.example.com' }))).toEqual([
      'Server URL must start with https:// (http:// only for localhost).',
    ]);
    expect(ntfy.validate(ntfyConfig({ server: 'ftp://ntfy.example.com' }))).toEqual([
      'Server URL must start with https:// (http:// only for localhost).',
    ]);
    expect(ntfy.validate(ntfyConfig({ server: 'not a url' }))).toEqual(['Server URL is not a valid URL.']);
    expect(ntfy.validate(ntfyConfig({ server: 'https://u:p@ntfy.example.com' }))).toEqual([
      'Server URL must not contain a user name or password.',
    ]);
    expect(ntfy.validate(ntfyConfig({ server: 'https://ntfy.example.com/?x=1' }))).toEqual(['Server URL must not contain ? or #.']);
    expect(ntfy.validate(ntfyConfig({ topic: '' }))).toEqual(['Topic is missing.']);
    expect(ntfy.validate(ntfyConfig({ topic: 'my topic' }))).toEqual(['Topic may only use letters A–Z, digits, - and _ (at most 64).']);
    expect(ntfy.validate(ntfyConfig({ topic: 'x'.repeat(65) }))).toHaveLength(1);
    expect(ntfy.validate(ntfyConfig({ token: 'tk_abc def' }))).toEqual(['Access token must not contain spaces or non-ASCII characters.']);
  });

  it('survives a damaged stored config', () => {
    expect(ntfy.validate({ id: 'x', type: 'ntfy', enabled: true } as never)).toEqual(['Topic is missing.']);
  });

  it('needs the server host, on any port', () => {
    expect(ntfy.origin(ntfyConfig())).toBe('https://ntfy.sh/*');
    expect(ntfy.origin(ntfyConfig({ server: 'https://push.example.org:8443/ntfy' }))).toBe('https://push.example.org/*');
    expect(ntfy.origin(ntfyConfig({ server: 'http://localhost:2586' }))).toBe('http://localhost/*');
    expect(() => ntfy.origin(ntfyConfig({ server: 'http://ntfy.example.com' }))).toThrow(/Server URL is not usable/);
  });
});
