import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { seededRandom, type Random } from './random';

export type Direction = 'up' | 'down';

/** Where one connection is cut: after `offset` bytes flowing in `direction`. */
export interface Cut {
  direction: Direction;
  offset: number;
}

export interface ChaosOptions {
  /** Seeds the cut points, so a failing run can be replayed. */
  seed: number;
  /** Cut offsets are drawn log-uniformly from 1 to this many bytes: headers, bodies and long answers all get cut. */
  maxOffset?: number;
}

/** Something to do once the bytes passed in one direction (over every connection) reach a count. */
interface Trigger {
  direction: Direction;
  atBytes: number;
  /** Cut the connection the byte count is reached on (the rest of its chunk is not passed on). */
  cut: boolean;
  action: () => void;
}

export interface ChaosCounts {
  connections: number;
  /** Connections cut while sending a request (toward the server). */
  cutsUp: number;
  /** Connections cut while receiving an answer (toward the tablet). */
  cutsDown: number;
  bytesUp: number;
  bytesDown: number;
}

/**
 * A TCP proxy on 127.0.0.1 in front of a server that cuts connections at
 * random byte offsets, toward the server (mid-request) or toward the client
 * (mid-answer). Each connection draws its own cut point when it opens, and
 * the offset counts every byte of that connection, so keep-alive connections
 * carrying several requests are cut somewhere among them. A cut resets both
 * sockets, so the client sees a failed request, never a short valid one.
 */
export class ChaosProxy {
  /** While false, connections pass untouched (set-up and checks). */
  chaos = true;
  readonly counts: ChaosCounts = { connections: 0, cutsUp: 0, cutsDown: 0, bytesUp: 0, bytesDown: 0 };
  private readonly random: Random;
  private readonly sockets = new Set<Socket>();
  private readonly triggers: Trigger[] = [];

  private constructor(
    private readonly server: Server,
    private readonly upstreamPort: () => number,
    private readonly options: Required<ChaosOptions>,
  ) {
    this.random = seededRandom(options.seed);
  }

  static async start(upstreamPort: () => number, options: ChaosOptions): Promise<ChaosProxy> {
    const server = createServer();
    const proxy = new ChaosProxy(server, upstreamPort, { maxOffset: 1 << 20, ...options });
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get cuts(): number {
    return this.counts.cutsUp + this.counts.cutsDown;
  }

  /**
   * Runs `action` once `bytes` more bytes have passed in `direction`; with
   * `cut`, the connection they pass on is cut at that byte too.
   */
  when(direction: Direction, bytes: number, action: () => void, { cut = false } = {}): void {
    const passed = direction === 'up' ? this.counts.bytesUp : this.counts.bytesDown;
    this.triggers.push({ direction, atBytes: passed + Math.max(1, bytes), cut, action });
  }

  /** Every connection is cut somewhere: one left whole would carry all later requests (keep-alive). */
  private drawCut(): Cut | null {
    if (!this.chaos) return null;
    const direction: Direction = this.random() < 0.5 ? 'up' : 'down';
    const offset = Math.floor(Math.exp(this.random() * Math.log(this.options.maxOffset)));
    return { direction, offset };
  }

  private accept(client: Socket): void {
    this.counts.connections += 1;
    const plan = this.drawCut();
    const upstream = connect(this.upstreamPort(), '127.0.0.1');
    this.sockets.add(client).add(upstream);
    const passed = { up: 0, down: 0 };
    let cut = false;

    const reset = () => {
      for (const socket of [client, upstream]) {
        if (socket.destroyed) continue;
        // A reset, not a clean close: the peer must not mistake a cut body for a whole one.
        try {
          socket.resetAndDestroy();
        } catch {
          socket.destroy();
        }
      }
    };

    const pass = (direction: Direction, from: Socket, to: Socket) => {
      from.on('data', (chunk: Buffer) => {
        if (cut) return;
        let part = chunk;
        let cutHere = false;
        if (plan && this.chaos && plan.direction === direction && passed[direction] + part.length > plan.offset) {
          part = part.subarray(0, Math.max(0, plan.offset - passed[direction]));
          cutHere = true;
        }
        const fired = this.fire(direction, part.length);
        if (fired.cutAt !== null) {
          part = part.subarray(0, fired.cutAt);
          cutHere = true;
        }
        passed[direction] += part.length;
        if (direction === 'up') this.counts.bytesUp += part.length;
        else this.counts.bytesDown += part.length;
        if (cutHere) {
          cut = true;
          if (direction === 'up') this.counts.cutsUp += 1;
          else this.counts.cutsDown += 1;
          if (part.length > 0 && !to.destroyed) to.write(part, () => reset());
          else reset();
          for (const action of fired.actions) action();
          return;
        }
        if (!to.destroyed && !to.write(part)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
        for (const action of fired.actions) action();
      });
      from.on('end', () => {
        if (!cut && !to.destroyed) to.end();
      });
    };
    pass('up', client, upstream);
    pass('down', upstream, client);
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        // One side gone (a crash, a refused connection): the other goes too, as on a real link.
        const other = socket === client ? upstream : client;
        if (!other.destroyed) other.destroy();
      });
    }
  }

  /** Triggers reached by `length` more bytes in `direction`: what to run, and where to cut the chunk. */
  private fire(direction: Direction, length: number): { actions: (() => void)[]; cutAt: number | null } {
    const passed = direction === 'up' ? this.counts.bytesUp : this.counts.bytesDown;
    const actions: (() => void)[] = [];
    let cutAt: number | null = null;
    for (let i = this.triggers.length - 1; i >= 0; i--) {
      const trigger = this.triggers[i]!;
      if (trigger.direction !== direction || passed + length < trigger.atBytes) continue;
      this.triggers.splice(i, 1);
      actions.push(trigger.action);
      if (trigger.cut) cutAt = Math.min(cutAt ?? length, Math.max(0, trigger.atBytes - passed - 1));
    }
    return { actions, cutAt };
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }
}
