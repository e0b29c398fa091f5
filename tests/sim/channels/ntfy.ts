// ntfy (ntfy.sh or a self-hosted server): JSON publishing to the root; errors as {code, http, error, link}.
import { type Incoming, isRecord, json, type Reply, type ServiceSim } from './answers';

const TOPIC = /^[-_A-Za-z0-9]{1,64}$/;
const error = (code: number, message: string, headers: Record<string, string> = {}): Reply =>
  json(Math.floor(code / 100), { code, http: Math.floor(code / 100), error: message, link: 'https://ntfy.sh/docs/publish/' }, headers);

export const ntfySim: ServiceSim = {
  hosts: ['ntfy.sh'],

  refuse(request: Incoming) {
    if (request.method !== 'POST' && request.method !== 'PUT') return error(40401, 'page not found');
    if (request.path !== '/') return error(40401, 'page not found');
    if (!isRecord(request.json)) return error(40017, 'invalid request: request body must be message JSON');
    if (typeof request.json.topic !== 'string' || !TOPIC.test(request.json.topic)) return error(40009, 'invalid request: topic invalid');
    return null;
  },

  reply(answer, request) {
    const body = isRecord(request.json) ? request.json : {};
    switch (answer.type) {
      case 'ok':
        return json(200, {
          id: Math.random().toString(36).slice(2, 14),
          time: Math.floor(Date.now() / 1000),
          expires: Math.floor(Date.now() / 1000) + 43_200,
          event: 'message',
          topic: body.topic,
          title: body.title,
          message: body.message,
        });
      case 'rate-limited':
        // ntfy names no wait of its own; a Retry-After only if the test asks for one (a proxy in front).
        return error(42901, 'limit reached: too many requests', answer.retryAfterS ? { 'retry-after': String(answer.retryAfterS) } : {});
      case 'server-error':
        return { ...error(50001, 'internal server error'), status: answer.status ?? 500 };
      case 'broken':
        return error(40301, 'forbidden');
    }
  },
};
