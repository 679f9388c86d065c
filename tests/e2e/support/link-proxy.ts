import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API } from '../../../src/shared/protocol/endpoints';

/**
 * The network between a tablet and the server. The tablet talks to the
 * proxy's origin; a test can cut pushes (as a dead link would) or run
 * something at the worst moment: after the server answered a push, before
 * the tablet hears the answer.
 */
export class LinkProxy {
  /** When true, every push is cut before it reaches the server. */
  blockPushes = false;
  private afterPushApplied: (() => Promise<void>) | null = null;

  private constructor(
    private readonly server: Server,
    private readonly upstreamPort: () => number,
  ) {}

  static async start(upstreamPort: () => number): Promise<LinkProxy> {
    const server = createServer();
    const proxy = new LinkProxy(server, upstreamPort);
    server.on('request', (req, res) => void proxy.forward(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next push reaches the server; then `action` runs and the tablet's connection is cut. */
  cutNextPushAfterServerAnswers(action: () => Promise<void>): void {
    this.afterPushApplied = action;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const isPush = req.url?.startsWith(API.push) ?? false;
    if (isPush && this.blockPushes) {
      req.socket.destroy();
      return;
    }
    const hook = isPush ? this.afterPushApplied : null;
    if (hook) this.afterPushApplied = null;
    const upstream = request(
      { host: '127.0.0.1', port: this.upstreamPort(), method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (!hook) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        answer.resume();
        answer.on('end', () => void hook().finally(() => req.socket.destroy()));
      },
    );
    upstream.on('error', () => req.socket.destroy());
    req.pipe(upstream);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
