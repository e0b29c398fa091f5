// hooks.slack.com: incoming webhooks answer plain text, `ok` or an error code.
import { type Incoming, isRecord, type ServiceSim, text } from './answers';

const PATH = /^\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+$/;

export const slackSim: ServiceSim = {
  hosts: ['hooks.slack.com'],

  refuse(request: Incoming) {
    if (request.method !== 'POST' || !PATH.test(request.path)) return text(404, 'no_service');
    if (!isRecord(request.json)) return text(400, 'invalid_payload');
    if (!request.json.text && !request.json.blocks) return text(400, 'no_text');
    return null;
  },

  reply(answer) {
    switch (answer.type) {
      case 'ok':
        return text(200, 'ok');
      case 'rate-limited':
        return text(429, 'rate_limited', { 'retry-after': String(answer.retryAfterS ?? 2) });
      case 'server-error':
        return text(answer.status ?? 500, 'rollup_error');
      case 'broken':
        return text(404, 'no_service');
    }
  },
};
