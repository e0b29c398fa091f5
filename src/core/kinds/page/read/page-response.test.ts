import { describe, expect, it } from 'vitest';
import { describeUrl, isSignInUrl } from '../sign-in';
import { detectBotWall } from './bot-wall';
import { classifyResponse, type FetchedResponse, headerReader, isHtmlResponse } from './page-response';

const html = { 'content-type': 'text/html; charset=utf-8' };
const classify = (r: Partial<FetchedResponse>) =>
  classifyResponse({ status: 200, url: 'https://shop.example/p/1', headers: html, bodyText: '<p>ok</p>', ...r });
const noHeaders = () => null;

describe('detectBotWall', () => {
  it.each([
    ['Cloudflare', '<title>Just a moment...</title><script>window._cf_chl_opt={}</script>'],
    ['Cloudflare', '<script src="/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=1"></script>'],
    ['DataDome', "<script>var dd={'host':'geo.captcha-delivery.com'}</script>"],
    ['PerimeterX', '<div id="px-captcha"></div>'],
    ['PerimeterX', '<p>Press &amp; Hold to confirm you are a human</p>'],
    ['Akamai', '<TITLE>Access Denied</TITLE> Reference&#32;&#35;18&#46;1'],
    ['Akamai', '<h1>Access Denied</h1> Reference #18.1'],
    ['Imperva', '<iframe src="/_Incapsula_Resource?SWUDNSAI=31"></iframe>'],
    ['AWS WAF', '<script>window.gokuProps = {"key":"x"}</script>'],
    [null, '<p>Please verify you are human</p>'],
  ])('%s: %s', (vendor, body) => {
    expect(detectBotWall(body, noHeaders)?.vendor).toBe(vendor);
  });

  it('reads the cf-mitigated header', () => {
    expect(detectBotWall('', (n) => (n === 'cf-mitigated' ? 'Challenge' : null))).toMatchObject({
      header: true,
      marker: { evidence: 'header cf-mitigated: challenge' },
    });
  });

  it('does not take a protected normal page for a challenge', () => {
    const signup = `<script src="https://challenges.cloudflare.com/turnstile/v0/api.js"></script>
      <script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script><script src="https://js.datadome.co/tags.js"></script>
      <script>window._pxAppId = 'PX1';</script><h1>Access the dashboard</h1><p>Access denied for guests.</p>`;
    expect(detectBotWall(signup, noHeaders)).toBeNull();
  });

  it('only scans the start of a long body', () => {
    expect(detectBotWall(`${'x'.repeat(70 * 1024)}_cf_chl_opt`, noHeaders)).toBeNull();
  });
});

describe('isSignInUrl', () => {
  it.each([
    'https://shop.example/account/login',
    'https://shop.example/customer/account/login/referer/abc/',
    'https://www.shop.example/ap/signin?openid.return_to=x',
    'https://shop.example/users/sign_in',
    'https://shop.example/Login.aspx?ReturnUrl=%2F',
    'https://id.shop.example/u/login?state=x',
    'https://accounts.idp.example/o/oauth2/v2/auth',
    'https://login.idp.example/common/oauth2/authorize',
    'https://shop.example/auth/realms/shop/protocol/openid-connect/auth',
  ])('%s is a sign-in page', (url) => {
    expect(isSignInUrl(url)).toBe(true);
  });
  it.each(['https://shop.example/products/login-mug', 'https://shop.example/author/jane', 'https://shop.example/signup', 'not a url'])(
    '%s is not',
    (url) => {
      expect(isSignInUrl(url)).toBe(false);
    },
  );
  it('describes a URL without its query', () => {
    expect(describeUrl('https://shop.example/login?token=abc#x')).toBe('shop.example/login');
  });
});

describe('classifyResponse', () => {
  it('lets a plain 2xx page through', () => {
    expect(classify({})).toBeNull();
    expect(classify({ status: 203 })).toBeNull();
  });

  it('reads a challenge as blocked whatever the status', () => {
    for (const status of [200, 403, 429, 503]) {
      expect(classify({ status, bodyText: '<div id="px-captcha"></div>' })?.kind).toBe('blocked');
    }
    expect(classify({ status: 403, headers: { 'CF-Mitigated': 'challenge' }, bodyText: '' })).toMatchObject({
      kind: 'blocked',
      reason: 'challenge-header',
    });
  });

  it('reads 429 as rate-limited and 401 as signed-out', () => {
    expect(classify({ status: 429 })).toMatchObject({ kind: 'rate-limited', reason: 'http-429' });
    expect(classify({ status: 401 })).toMatchObject({ kind: 'signed-out', reason: 'http-401' });
  });

  it('reads a trip to a sign-in page as signed-out, never quoting the query', () => {
    const followed = classify({ redirected: true, finalUrl: 'https://shop.example/account/login?return_to=/p/1&sid=secret' });
    expect(followed).toMatchObject({
      kind: 'signed-out',
      reason: 'login-redirect',
      evidence: 'redirected to sign-in page shop.example/account/login',
    });
    expect(classify({ status: 302, headers: { location: '/login?next=/p/1' } })).toMatchObject({
      kind: 'signed-out',
      reason: 'login-redirect',
    });
    expect(classify({ status: 303, headers: new Headers({ Location: 'https://accounts.idp.example/signin' }) })?.kind).toBe('signed-out');
  });

  it('reads a redirect to the home page, another page of the site or another site as an error', () => {
    expect(classify({ redirected: true, finalUrl: 'https://shop.example/' })).toMatchObject({
      kind: 'error',
      reason: 'redirected',
      evidence: 'redirected away to shop.example/',
    });
    expect(classify({ redirected: true, finalUrl: 'https://other.example/p/1' })).toMatchObject({ reason: 'redirected' });
    // A discontinued product sent to its category, full of "Add to cart" for other things.
    expect(classify({ redirected: true, finalUrl: 'https://shop.example/c/shoes' })).toMatchObject({
      kind: 'error',
      reason: 'redirected',
      evidence: 'redirected away to shop.example/c/shoes',
    });
    expect(classify({ redirected: true, finalUrl: 'https://www.shop.example/en-us/p/1/' })).toMatchObject({ reason: 'redirected' });
  });

  it('reads a redirect that kept the page: only the query, a trailing slash, www. or https changed', () => {
    expect(classify({ url: 'https://shop.example/', finalUrl: 'https://shop.example/?ref=x' })).toBeNull();
    expect(classify({ redirected: true, finalUrl: 'https://shop.example/p/1/' })).toBeNull();
    expect(classify({ redirected: true, finalUrl: 'https://www.shop.example/p/1?utm=x' })).toBeNull();
    expect(classify({ url: 'http://shop.example/p/1', finalUrl: 'https://shop.example/p/1' })).toBeNull();
  });

  it('does not call a page that lives under a sign-in-like path a redirect', () => {
    expect(classify({ url: 'https://shop.example/auth/register', finalUrl: 'https://shop.example/auth/register' })).toBeNull();
  });

  it('reads any other non-2xx as an error, never paused or open', () => {
    expect(classify({ status: 403 })).toMatchObject({ kind: 'error', reason: 'http-status', evidence: 'HTTP 403 without a challenge' });
    for (const status of [304, 400, 404, 410, 451, 500, 502, 503, 504]) {
      expect(classify({ status })).toMatchObject({ kind: 'error', reason: 'http-status' });
    }
    expect(classify({ status: 301, headers: { location: '/p/2' } })).toMatchObject({
      kind: 'error',
      evidence: 'HTTP 301 redirect to shop.example/p/2',
    });
    expect(classify({ status: 0 })).toMatchObject({ kind: 'error', reason: 'http-status' });
  });
});

describe('headers and content type', () => {
  it('reads headers from a Headers object or a plain object, in any case', () => {
    expect(headerReader({ status: 200, url: '', headers: { 'Content-Type': 'text/html' } })('content-type')).toBe('text/html');
    expect(headerReader({ status: 200, url: '', headers: new Headers({ 'Retry-After': '5' }) })('retry-after')).toBe('5');
    expect(headerReader({ status: 200, url: '', contentType: 'text/html' })('Content-Type')).toBe('text/html');
  });
  it('tells HTML by type, or by the body when there is no type', () => {
    expect(isHtmlResponse({ status: 200, url: '', contentType: 'application/xhtml+xml' })).toBe(true);
    expect(isHtmlResponse({ status: 200, url: '', contentType: 'application/json', bodyText: '<p>' })).toBe(false);
    expect(isHtmlResponse({ status: 200, url: '', bodyText: '\uFEFF  <!doctype html>' })).toBe(true);
    expect(isHtmlResponse({ status: 200, url: '', bodyText: '{"a":1}' })).toBe(false);
  });
});
