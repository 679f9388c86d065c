import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PACK_MEDIA_PREFIX } from '../../../src/shared/packs/pack-api';

/** Bytes read from the server ahead of the link; a quarter second at 20 Mbit/s. */
const READ_AHEAD_BYTES = 640 * 1024;

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
        // Each piece is given its slot in the budget as it comes from the server, and
        // the server is read ahead of the link (up to READ_AHEAD_BYTES waiting), so
        // the link stays busy and carries exactly its bandwidth, as a radio would.
        // The pieces leave in order, from one queue.
        const queue: { data: Buffer; at: number }[] = [];
        let waiting = 0;
        let timer: NodeJS.Timeout | undefined;
        let ended = false;
        const pump = () => {
          timer = undefined;
          while (queue.length > 0 && queue[0]!.at <= performance.now()) {
            const { data } = queue.shift()!;
            waiting -= data.length;
            if (res.destroyed) continue;
            res.write(data);
            this.bodyBytes += data.length;
            if (isMedia) this.mediaBytes += data.length;
            if (isMedia && this.cutAt !== null && this.mediaBytes >= this.cutAt) {
              this.cutAt = null;
              this.cuts++;
              answer.destroy();
              res.destroy();
              queue.length = 0;
              return;
            }
          }
          if (queue.length > 0) timer = setTimeout(pump, Math.max(0, queue[0]!.at - performance.now()));
          else if (ended) return void res.end();
          if (waiting < READ_AHEAD_BYTES) answer.resume();
        };
        answer.on('data', (data: Buffer) => {
          queue.push({ data, at: this.sendAt(data.length) });
          waiting += data.length;
          if (waiting >= READ_AHEAD_BYTES) answer.pause();
          timer ??= setTimeout(pump, Math.max(0, queue[0]!.at - performance.now()));
        });
        answer.on('end', () => {
          // The answer ends once its last piece has left.
          ended = true;
          timer ??= setTimeout(pump, 0);
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
