// One local HTTPS server standing in for every channel service, told apart by the Host header:
// map the real hostnames to it (Chromium --host-resolver-rules) and steer each service in-process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Incoming, Reply, ServiceSim, SimAnswer } from './answers';
import { makeCertificateFor } from './certificate';
import { discordSim } from './discord';
import { ntfySim } from './ntfy';
import { slackSim } from './slack';
import { telegramSim } from './telegram';
import { webhookSim } from './webhook';

export type { SimAnswer } from './answers';

export type ServiceName = 'ntfy' | 'telegram' | 'discord' | 'slack' | 'webhook';
export const SERVICES: Readonly<Record<ServiceName, ServiceSim>> = {
  ntfy: ntfySim,
  telegram: telegramSim,
  discord: discordSim,
  slack: slackSim,
  webhook: webhookSim,
};
const NAMES = Object.keys(SERVICES) as ServiceName[];

/** The header the extension tags each delivery with (src/core/channels/text.ts). */
const EVENT_HEADER = 'x-reopen-watch-event';
const MAX_BODY = 1 << 20;

export interface ServiceControl {
  /** The answer when the queue is empty. */
  answer: SimAnswer;
  /** One-shot answers for the next requests, used before `answer`. */
  queue: SimAnswer[];
}

export interface ReceivedRequest {
  at: number;
  /** null for a host no service answers for. */
  service: ServiceName | null;
  host: string;
  method: string;
  /** Path and query. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
  json: unknown;
  /** From the event header, when sent. */
  eventId?: string;
  /** 0 when no answer was sent (hang, reset). */
  status: number;
  /** The service took the message: it would reach the user, whatever happens to the answer. */
  received: boolean;
}

export interface ChannelSims {
  port: number;
  /** Host → service, including any added with the `hosts` option. */
  hosts: Readonly<Record<string, ServiceName>>;
  services: Record<ServiceName, ServiceControl>;
  /** Every request, oldest first. */
  requests: ReceivedRequest[];
  /** Requests a service took, optionally only one service's or one event's. */
  received(filter?: { service?: ServiceName; eventId?: string }): ReceivedRequest[];
  /** How often each event reached each service, keyed `<service> <eventId>`. */
  deliveryCounts(): Map<string, number>;
  /** Keys of `deliveryCounts` reached more than once. */
  duplicates(): string[];
  /** The value for Chromium's --host-resolver-rules switch. */
  hostResolverRules(): string;
  /** Host → port, for a CONNECT proxy (tests/sim/shop/proxy.ts), e.g. Firefox's. */
  proxyRoutes(): Record<string, number>;
  /**
   * Optional per-request choice, asked first (before the service's queue and answer) for every
   * request its service does not refuse: one channel among several of a service (told apart by host
   * or path) or one event can be answered differently. `undefined` falls through to the queue.
   */
  route?: (request: Readonly<ReceivedRequest>) => SimAnswer | undefined;
  /** Forgets requests and answers normally again. */
  reset(): void;
  close(): Promise<void>;
}

export async function startChannelSims(options: { port?: number; hosts?: Record<string, ServiceName> } = {}): Promise<ChannelSims> {
  const hosts: Record<string, ServiceName> = { ...options.hosts };
  for (const name of NAMES) for (const host of SERVICES[name].hosts) hosts[host] = name;
  const sockets = new Set<Duplex>();
  const timers = new Set<NodeJS.Timeout>();
  const fresh = (): Record<ServiceName, ServiceControl> =>
    Object.fromEntries(NAMES.map((n) => [n, { answer: { type: 'ok' }, queue: [] }])) as unknown as Record<ServiceName, ServiceControl>;

  const sims: ChannelSims = {
    port: 0,
    hosts,
    services: fresh(),
    requests: [],
    received: (filter = {}) =>
      sims.requests.filter(
        (r) =>
          r.received &&
          (filter.service === undefined || r.service === filter.service) &&
          (filter.eventId === undefined || r.eventId === filter.eventId),
      ),
    deliveryCounts: () => {
      const counts = new Map<string, number>();
      for (const r of sims.received()) {
        const key = `${r.service} ${r.eventId ?? '(no event id)'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return counts;
    },
    duplicates: () => [...sims.deliveryCounts()].filter(([, n]) => n > 1).map(([key]) => key),
    hostResolverRules: () =>
      Object.keys(hosts)
        .map((host) => `MAP ${host} 127.0.0.1:${sims.port}`)
        .join(','),
    proxyRoutes: () => Object.fromEntries(Object.keys(hosts).map((host) => [host, sims.port])),
    reset: () => {
      sims.requests.length = 0;
      sims.services = fresh();
      sims.route = undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const service = hosts[host] ?? null;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const incoming: Incoming = { method: req.method ?? 'GET', path: req.url ?? '/', headers, body, json: parseJson(body) };
    const record: ReceivedRequest = { at: Date.now(), service, host, ...incoming, eventId: eventIdOf(headers), status: 0, received: false };
    sims.requests.push(record);
    const send = (reply: Reply) => {
      record.status = reply.status;
      if (res.destroyed) return;
      res.writeHead(reply.status, { 'content-length': String(Buffer.byteLength(reply.body)), ...reply.headers });
      res.end(reply.body);
    };

    if (!service) return send({ status: 421, body: 'no simulated service for this host', headers: { 'content-type': 'text/plain' } });
    const sim = SERVICES[service];
    const refusal = sim.refuse(incoming);
    if (refusal) return send(refusal);
    const control = sims.services[service];
    const answer = sims.route?.(record) ?? control.queue.shift() ?? control.answer;
    switch (answer.type) {
      case 'hang':
        return; // headers never come; close() ends the socket
      case 'reset':
        req.socket.destroy();
        return;
      case 'raw':
        record.received = answer.status >= 200 && answer.status < 300;
        return send({ status: answer.status, body: answer.body, headers: answer.headers ?? {} });
      case 'ok': {
        record.received = true;
        const reply = sim.reply(answer, incoming);
        if (!answer.delayMs) return send(reply);
        record.status = reply.status;
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(reply);
        }, answer.delayMs);
        timers.add(timer);
        return;
      }
      default:
        return send(sim.reply(answer, incoming));
    }
  };

  const server = createServer(makeCertificateFor(Object.keys(hosts)), (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.socket.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  sims.port = (server.address() as { port: number }).port;
  return sims;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function eventIdOf(headers: Record<string, string>): string | undefined {
  const raw = headers[EVENT_HEADER];
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
