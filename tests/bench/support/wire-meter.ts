import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { API } from '../../../src/shared/protocol/endpoints';
import { DURABLE_FLOOR_PATH, FLOOR_PATH } from '../harness/api';

/** Bytes as they crossed the server's sockets (headers included), and requests by kind. */
export interface WireCount {
  requests: Record<string, number>;
  /** Bytes the server read: what the tablet sent. */
  bytesSent: number;
  /** Bytes the server wrote: what the tablet received. */
  bytesReceived: number;
  /** Request bodies as declared by Content-Length (compressed when compressed). */
  bodyBytesSent: number;
}

export type RequestKind = 'push' | 'pull' | 'floor' | 'durableFloor' | 'enrol' | 'other';

export function requestKind(path: string): RequestKind {
  if (path.startsWith(API.push)) return 'push';
  if (path.startsWith(API.pull)) return 'pull';
  if (path.startsWith(DURABLE_FLOOR_PATH)) return 'durableFloor';
  if (path.startsWith(FLOOR_PATH)) return 'floor';
  if (path.startsWith(API.enrol)) return 'enrol';
  return 'other';
}

/**
 * Counts at the server, where the bytes are exact: the sockets' own
 * counters include HTTP headers and see compressed bodies as compressed.
 * A measurement is the difference of two snapshots taken while only the
 * measured traffic runs.
 */
export class WireMeter {
  private readonly live = new Set<Socket>();
  private closedRead = 0;
  private closedWritten = 0;
  private readonly requests: Record<string, number> = {};
  private bodyBytes = 0;

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => {
      this.live.add(socket);
      socket.once('close', () => {
        this.live.delete(socket);
        this.closedRead += socket.bytesRead;
        this.closedWritten += socket.bytesWritten;
      });
    });
  }

  countRequest(path: string, contentLength: string | undefined): void {
    const kind = requestKind(path);
    this.requests[kind] = (this.requests[kind] ?? 0) + 1;
    this.bodyBytes += Number(contentLength ?? '0') || 0;
  }

  snapshot(): WireCount {
    let read = this.closedRead;
    let written = this.closedWritten;
    for (const socket of this.live) {
      read += socket.bytesRead;
      written += socket.bytesWritten;
    }
    return { requests: { ...this.requests }, bytesSent: read, bytesReceived: written, bodyBytesSent: this.bodyBytes };
  }

  static delta(before: WireCount, after: WireCount): WireCount {
    const requests: Record<string, number> = {};
    for (const [kind, n] of Object.entries(after.requests)) {
      const d = n - (before.requests[kind] ?? 0);
      if (d > 0) requests[kind] = d;
    }
    return {
      requests,
      bytesSent: after.bytesSent - before.bytesSent,
      bytesReceived: after.bytesReceived - before.bytesReceived,
      bodyBytesSent: after.bodyBytesSent - before.bodyBytesSent,
    };
  }
}

export function totalRequests(count: WireCount): number {
  return Object.values(count.requests).reduce((a, b) => a + b, 0);
}
