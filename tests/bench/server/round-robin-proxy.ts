import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A round-robin TCP load balancer on 127.0.0.1: each new connection goes to
 * the next upstream in turn, bytes piped both ways unchanged. The upstreams
 * can be changed between runs; connections open at that moment are closed,
 * so the next request is balanced afresh.
 */
export class RoundRobinProxy {
  private upstreams: string[] = [];
  private next = 0;
  private readonly sockets = new Set<Socket>();
  /** Connections handed to each upstream, by URL. */
  readonly connections: Record<string, number> = {};

  private constructor(private readonly server: Server) {}

  static async start(): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server);
    server.on('connection', (socket) => proxy.forward(socket));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Upstream base URLs (http://127.0.0.1:port). */
  use(upstreams: readonly string[]): void {
    this.upstreams = [...upstreams];
    this.next = 0;
    for (const socket of this.sockets) socket.destroy();
  }

  private forward(client: Socket): void {
    const target = this.upstreams[this.next++ % Math.max(1, this.upstreams.length)];
    if (!target) {
      client.destroy();
      return;
    }
    this.connections[target] = (this.connections[target] ?? 0) + 1;
    const { hostname, port } = new URL(target);
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.once('close', () => this.sockets.delete(socket));
    }
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
