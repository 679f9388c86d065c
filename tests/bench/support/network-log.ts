import type { CDPSession } from 'playwright-core';

/** One request of the page as DevTools saw it: seconds on the browser's monotonic clock. */
export interface LoggedRequest {
  url: string;
  type: string;
  startS: number;
  endS: number | null;
  /** Bytes on the wire (headers included), 0 when served from a cache. */
  bytes: number;
  fromCache: boolean;
  status: number;
}

/**
 * The page's requests through the CDP Network domain (enable it before
 * `start`). Sequential waves tell how many round trips stood between the
 * document and the screen: a request is in wave n + 1 when it started only
 * after a request of wave n had finished (it waited on it, as an import
 * waits on the chunk that names it); requests started together share a wave.
 */
export class NetworkLog {
  private readonly byId = new Map<string, LoggedRequest>();
  private readonly handlers: [string, (event: never) => void][] = [];

  constructor(private readonly cdp: CDPSession) {}

  start(): void {
    const on = <T>(name: string, handler: (event: T) => void) => {
      this.cdp.on(name as 'Network.requestWillBeSent', handler as never);
      this.handlers.push([name, handler as (event: never) => void]);
    };
    on<{ requestId: string; request: { url: string }; type?: string; timestamp: number }>('Network.requestWillBeSent', (e) => {
      // A redirect reuses the id: the last hop is the request that counts.
      this.byId.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', startS: e.timestamp, endS: null, bytes: 0, fromCache: false, status: 0 });
    });
    on<{ requestId: string; response: { status: number; fromDiskCache?: boolean; fromServiceWorker?: boolean } }>('Network.responseReceived', (e) => {
      const r = this.byId.get(e.requestId);
      if (!r) return;
      r.status = e.response.status;
      r.fromCache = r.fromCache || !!e.response.fromDiskCache || !!e.response.fromServiceWorker;
    });
    on<{ requestId: string }>('Network.requestServedFromCache', (e) => {
      const r = this.byId.get(e.requestId);
      if (r) r.fromCache = true;
    });
    on<{ requestId: string; timestamp: number; encodedDataLength: number }>('Network.loadingFinished', (e) => {
      const r = this.byId.get(e.requestId);
      if (!r) return;
      r.endS = e.timestamp;
      r.bytes = e.encodedDataLength;
    });
    on<{ requestId: string; timestamp: number }>('Network.loadingFailed', (e) => {
      const r = this.byId.get(e.requestId);
      if (r) r.endS = e.timestamp;
    });
  }

  stop(): LoggedRequest[] {
    for (const [name, handler] of this.handlers) this.cdp.off(name as 'Network.requestWillBeSent', handler as never);
    this.handlers.length = 0;
    return [...this.byId.values()].sort((a, b) => a.startS - b.startS);
  }
}

/**
 * Waves after the document: each request's wave is one more than the
 * highest wave among the requests that had finished before it started (the
 * document is wave 0). Returns each request's wave, in `requests` order.
 */
export function requestWaves(requests: readonly LoggedRequest[]): number[] {
  const waves: number[] = [];
  requests.forEach((r, i) => {
    let wave = i === 0 ? 0 : 1;
    for (let j = 0; j < i; j++) {
      const before = requests[j]!;
      if (before.endS !== null && before.endS <= r.startS) wave = Math.max(wave, waves[j]! + 1);
    }
    waves.push(wave);
  });
  return waves;
}
