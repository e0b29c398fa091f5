// A generic JSON webhook: a fixed, documented body any receiver can parse, plus one optional header.
import { classifyStatus } from './classify-http';
import { EVENT_ID_HEADER, field, jsonHeaders } from './text';
import type { Channel, WebhookConfig } from './types';
import { checkUrl, mustParse, originPattern } from './url';

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Visible ASCII and inner spaces: fetch refuses line breaks, and non-ASCII is not portable in headers. */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;
/** Headers fetch silently drops (forbidden) or that this channel sets itself. */
const RESERVED = new Set(
  [
    'accept-charset',
    'accept-encoding',
    'access-control-request-headers',
    'access-control-request-method',
    'connection',
    'content-length',
    'content-type',
    'cookie',
    'cookie2',
    'date',
    'dnt',
    'expect',
    'host',
    'keep-alive',
    'origin',
    'referer',
    'set-cookie',
    'te',
    'trailer',
    'transfer-encoding',
    'upgrade',
    'via',
    EVENT_ID_HEADER,
  ].map((h) => h.toLowerCase()),
);

export const webhook: Channel<WebhookConfig> = {
  type: 'webhook',

  buildRequest(config, event) {
    const headers = jsonHeaders(event.id);
    const name = field(config.headerName);
    if (name) headers[name] = field(config.headerValue);
    // Exactly these keys, in this order: the documented contract for receivers.
    const body = {
      event: event.type,
      watch: { name: event.watch.name, url: event.watch.url },
      state: event.state,
      at: new Date(event.at).toISOString(),
      evidence: event.evidence,
    };
    return { url: mustParse(config.url, 'URL').toString(), method: 'POST', headers, body: JSON.stringify(body) };
  },

  classify(status, headers, _bodyText, now) {
    // The body is not read: a receiver may echo the request, custom header included.
    return classifyStatus(status, headers, now);
  },

  origin(config) {
    return originPattern(mustParse(config.url, 'URL'));
  },

  validate(config) {
    const { problems } = checkUrl(config.url, 'URL');
    const name = field(config.headerName);
    const value = field(config.headerValue);
    if (name && !HEADER_NAME.test(name)) problems.push('Header name may only use letters, digits and - (e.g. X-Api-Key).');
    else if (name && (RESERVED.has(name.toLowerCase()) || /^(proxy-|sec-)/i.test(name)))
      problems.push(`Header name ${name} cannot be set by an extension or is set by Reopen Watch itself.`);
    if (name && !value) problems.push('Header value is missing.');
    if (!name && value) problems.push('Header name is missing.');
    if (value && !HEADER_VALUE.test(value)) problems.push('Header value may only use printable ASCII characters.');
    return problems;
  },

  secretsOf(config) {
    return [field(config.url), field(config.headerValue)].filter(Boolean);
  },
};
