// A generic JSON webhook: a fixed, documented body any receiver can parse, plus one optional header.

import { field } from '../text';
import type { ChannelSender } from '../types';
import { mustParse } from '../url';
import type { WebhookConfig } from '../webhook';
import { classifyStatus } from './classify-http';
import { jsonHeaders } from './text';

export const webhookSender: ChannelSender<WebhookConfig> = {
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
};
