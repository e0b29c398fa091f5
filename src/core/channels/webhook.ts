// A generic JSON webhook: any https URL, plus one optional header (a shared secret the receiver
// checks). Sending: send/webhook.ts.
import { EVENT_ID_HEADER, field } from './text';
import type { ChannelField, ChannelSpec, ConfigOf } from './types';
import { checkUrl, mustParse, originPattern } from './url';

const fields = [
  { key: 'url', secret: true, required: true, input: 'password', label: 'optionsWebhookUrl', hint: 'optionsWebhookUrlHint' },
  // One optional custom header, e.g. a shared secret the receiver checks; removing the value removes the name too.
  { key: 'headerName', secret: false, required: false, input: 'text', label: 'optionsWebhookHeaderName' },
  {
    key: 'headerValue',
    secret: true,
    required: false,
    input: 'password',
    label: 'optionsWebhookHeaderValue',
    removable: ['headerName'],
  },
] as const satisfies readonly ChannelField[];

export type WebhookConfig = ConfigOf<'webhook', typeof fields>;

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

export const webhook: ChannelSpec<WebhookConfig> = {
  type: 'webhook',
  fields,

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
};
