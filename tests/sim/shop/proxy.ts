// An HTTP CONNECT proxy for Firefox (it has no --host-resolver-rules): tunnels each listed host to
// its simulator's loopback port and refuses everything else, so tests never reach the internet.
// tests/sim/connect-proxy.ts tunnels chatgpt.com only; this one takes any routes, e.g.
//   startHostProxy(() => ({ 'chatgpt.com': chatgpt.port, ...shop.proxyRoutes(), ...channels.proxyRoutes?.() }))
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

export interface HostProxy {
  port: number;
  /** Every CONNECT target asked for, tunnelled or refused ("host:port"). */
  connects: { target: string; tunnelled: boolean }[];
  close(): Promise<void>;
}

export async function startHostProxy(routes: () => Record<string, number>): Promise<HostProxy> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  const tunnels = new Set<{ destroy(): void }>();
  const proxy: HostProxy = {
    port: 0,
    connects: [],
    close: () =>
      new Promise((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').toLowerCase();
    const port = /:443$/.test(target) ? routes()[host] : undefined;
    proxy.connects.push({ target, tunnelled: port !== undefined });
    if (port === undefined) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const tunnel = {
      destroy: () => {
        upstream.destroy();
        client.destroy();
      },
    };
    tunnels.add(tunnel);
    const end = () => {
      tunnel.destroy();
      tunnels.delete(tunnel);
    };
    upstream.on('error', end);
    client.on('error', end);
    upstream.on('close', end);
    client.on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port;
  return proxy;
}
