import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Forwarded {
  method: string;
  path: string;
  /** Index of the server that answered. */
  upstream: number;
  status: number;
  /** From the request's arrival to the answer's last byte. */
  ms: number;
}

/**
 * A load balancer in front of several server processes: each request goes
 * to the next one in turn (not each connection), so a tablet's consecutive
 * pushes land on different processes. Records every request it forwards.
 */
export class RoundRobinProxy {
  readonly forwarded: Forwarded[] = [];
  private next = 0;
  private readonly agent = new Agent({ keepAlive: true });

  private constructor(
    private readonly server: Server,
    private readonly upstreamPorts: readonly number[],
  ) {}

  static async start(upstreamPorts: readonly number[]): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server, upstreamPorts);
    server.on('request', (req, res) => proxy.forward(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const upstream = this.next;
    this.next = (this.next + 1) % this.upstreamPorts.length;
    const started = performance.now();
    const outgoing = request(
      { host: '127.0.0.1', port: this.upstreamPorts[upstream], method: req.method, path: req.url, headers: req.headers, agent: this.agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('end', () =>
          this.forwarded.push({
            method: req.method ?? '',
            path: req.url ?? '',
            upstream,
            status: answer.statusCode ?? 0,
            ms: performance.now() - started,
          }),
        );
      },
    );
    outgoing.on('error', () => req.socket.destroy());
    req.pipe(outgoing);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    this.agent.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
