// A tiny HTTP CONNECT proxy: Firefox has no host-resolver-rules switch, so its proxy settings send
// https://chatgpt.com here and the tunnel ends at the simulator's port. Everything stays on loopback.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';

export interface ConnectProxy {
  port: number;
  close(): Promise<void>;
}

export async function startConnectProxy(targetPort: () => number): Promise<ConnectProxy> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(405).end('CONNECT only');
  });
  const tunnels = new Set<{ destroy(): void }>();
  server.on('connect', (req, client, head) => {
    // Only chatgpt.com is tunnelled; anything else Firefox tries is refused, so tests never go out.
    if (!req.url?.startsWith('chatgpt.com:')) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(targetPort(), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    tunnels.add({ destroy: end });
    upstream.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise((resolve) => {
        for (const tunnel of tunnels) tunnel.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
