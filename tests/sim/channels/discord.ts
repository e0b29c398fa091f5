// discord.com: webhook execute; `?wait=true` answers 200 with the message, else 204; 429 carries
// `retry_after` in (fractional) seconds and a Retry-After header.
import { type Incoming, isRecord, json, type ServiceSim } from './answers';

const PATH = /^\/api\/(?:v\d+\/)?webhooks\/\d+\/[A-Za-z0-9_-]+$/;

export const discordSim: ServiceSim = {
  hosts: ['discord.com', 'discordapp.com'],

  refuse(request: Incoming) {
    const path = request.path.split('?')[0] ?? '';
    if (request.method !== 'POST' || !PATH.test(path)) return json(404, { message: '404: Not Found', code: 0 });
    const body = request.json;
    if (!isRecord(body) || (!body.content && !(Array.isArray(body.embeds) && body.embeds.length)))
      return json(400, { message: 'Cannot send an empty message', code: 50006 });
    return null;
  },

  reply(answer, request) {
    switch (answer.type) {
      case 'ok': {
        const wait = new URLSearchParams(request.path.split('?')[1] ?? '').get('wait') === 'true';
        const body = isRecord(request.json) ? request.json : {};
        return wait
          ? json(200, { id: String(Date.now()), type: 0, content: body.content, embeds: body.embeds })
          : { status: 204, body: '', headers: {} };
      }
      case 'rate-limited': {
        const seconds = answer.retryAfterS ?? 1.5;
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: seconds, global: false },
          { 'retry-after': String(Math.ceil(seconds)), 'x-ratelimit-scope': 'user', 'x-ratelimit-global': 'false' },
        );
      }
      case 'server-error':
        return json(answer.status ?? 500, { message: '500: Internal Server Error', code: 0 });
      case 'broken':
        return json(404, { message: 'Unknown Webhook', code: 10015 });
    }
  },
};
