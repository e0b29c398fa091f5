// api.telegram.org: Bot API sendMessage; every answer is {"ok": …}, errors carry `parameters.retry_after`.
import { type Incoming, isRecord, json, type ServiceSim } from './answers';

const PATH = /^\/bot(\d+:[A-Za-z0-9_-]+)\/sendMessage$/i;
const failure = (error_code: number, description: string, parameters?: object) =>
  json(error_code, { ok: false, error_code, description, ...(parameters && { parameters }) });

export const telegramSim: ServiceSim = {
  hosts: ['api.telegram.org'],

  refuse(request: Incoming) {
    if (!PATH.test(request.path.split('?')[0] ?? '')) return failure(404, 'Not Found');
    if (!isRecord(request.json)) return failure(400, 'Bad Request: message text is empty');
    if (request.json.chat_id === undefined || request.json.chat_id === '') return failure(400, 'Bad Request: chat_id is empty');
    if (typeof request.json.text !== 'string' || !request.json.text) return failure(400, 'Bad Request: message text is empty');
    return null;
  },

  reply(answer, request) {
    const body = isRecord(request.json) ? request.json : {};
    switch (answer.type) {
      case 'ok':
        return json(200, {
          ok: true,
          result: {
            message_id: Math.floor(Math.random() * 1e6),
            date: Math.floor(Date.now() / 1000),
            chat: { id: body.chat_id },
            text: body.text,
          },
        });
      case 'rate-limited': {
        const seconds = answer.retryAfterS ?? 3;
        return failure(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
      }
      case 'server-error':
        return {
          status: answer.status ?? 502,
          body: '<html><center><h1>502 Bad Gateway</h1></center></html>',
          headers: { 'content-type': 'text/html' },
        };
      case 'broken':
        return failure(400, 'Bad Request: chat not found');
    }
  },
};
