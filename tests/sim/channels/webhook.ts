// A generic JSON webhook receiver: checks the documented body and answers like a typical small server.
import { type Incoming, isRecord, json, type ServiceSim, text } from './answers';

/** The contract's keys, in order. */
export const WEBHOOK_KEYS = ['event', 'watch', 'state', 'at', 'evidence'];

export const webhookSim: ServiceSim = {
  hosts: ['hooks.example.test'],

  refuse(request: Incoming) {
    if (request.method !== 'POST') return text(405, 'method not allowed');
    const body = request.json;
    if (!isRecord(body) || Object.keys(body).join() !== WEBHOOK_KEYS.join()) return json(422, { error: 'unexpected body' });
    if (!isRecord(body.watch) || Object.keys(body.watch).join() !== 'name,url') return json(422, { error: 'unexpected watch' });
    if (typeof body.at !== 'string' || Number.isNaN(Date.parse(body.at))) return json(422, { error: 'at is not a date' });
    return null;
  },

  reply(answer) {
    switch (answer.type) {
      case 'ok':
        return json(200, { received: true });
      case 'rate-limited':
        return text(429, 'slow down', { 'retry-after': String(answer.retryAfterS ?? 2) });
      case 'server-error':
        return text(answer.status ?? 503, 'unavailable');
      case 'broken':
        return text(410, 'this hook was removed');
    }
  },
};
