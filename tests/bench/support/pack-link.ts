import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PACK_MEDIA_PREFIX } from '../../../src/shared/packs/pack-api';

/**
 * A slow link between a tablet and the bench server, as a proxy: every
 * answer waits `latencyMs` before its head and its bodies share one
 * `bytesPerSecond` budget; once `cutAt` media bytes have passed, the answer
 * under way is cut (its connection closed), once. Counts the body bytes that
 * reached the tablet.
 */
export class PackLink {
  shaping = false;
  latencyMs = 0;
  bytesPerSecond = Infinity;
  /** Media body bytes after which the running media answer is cut; null: no cut. */
  cutAt: number | null = null;
  cuts = 0;
  bodyBytes = 0;
  mediaBytes = 0;
  private nextFreeAt = 0;

  private constructor(
    private readonly server: Server,
    private readonly upstreamPort: number,
  ) {}

  static async start(upstreamPort: number): Promise<PackLink> {
    const server = createServer();
    const link = new PackLink(server, upstreamPort);
    server.on('request', (req, res) => link.forward(req, res));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return link;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** When `bytes` more may leave: the shared budget, like one tablet's one radio. */
  private sendAt(bytes: number): number {
    const now = performance.now();
    this.nextFreeAt = Math.max(now, this.nextFreeAt) + (bytes * 1000) / this.bytesPerSecond;
    return this.nextFreeAt;
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '';
    const isMedia = path.startsWith(PACK_MEDIA_PREFIX);
    const upstream = request({ host: '127.0.0.1', port: this.upstreamPort, method: req.method, path, headers: req.headers }, (answer) => {
      const shaped = this.shaping;
      const reply = () => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!shaped) {
          answer.on('data', (data: Buffer) => (this.bodyBytes += data.length));
          answer.pipe(res);
          return;
        }
        answer.on('data', (data: Buffer) => {
          answer.pause();
          const wait = Math.max(0, this.sendAt(data.length) - performance.now());
          setTimeout(() => {
            if (res.destroyed) return;
            res.write(data);
            this.bodyBytes += data.length;
            if (isMedia) this.mediaBytes += data.length;
            if (isMedia && this.cutAt !== null && this.mediaBytes >= this.cutAt) {
              this.cutAt = null;
              this.cuts++;
              answer.destroy();
              res.destroy();
              return;
            }
            answer.resume();
          }, wait);
        });
        answer.on('end', () => {
          // The last write waits its turn in the budget like the others.
          const wait = Math.max(0, this.nextFreeAt - performance.now());
          setTimeout(() => res.end(), wait);
        });
      };
      if (shaped && this.latencyMs > 0) setTimeout(reply, this.latencyMs);
      else reply();
    });
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
