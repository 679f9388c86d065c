import { describe, expect, it } from 'vitest';
import { send, type Transport } from '../../src/client/sync/transport';

/** A server that takes the request and never answers, as a half-open connection does. */
const silent: Transport = (request) =>
  new Promise((_resolve, reject) => {
    request.signal.addEventListener('abort', () => reject(request.signal.reason));
  });

describe('a request that is never answered', () => {
  it('is given up as server_unreachable after the timeout, so the next sync can try again', async () => {
    const started = Date.now();
    await expect(send(silent, new Request('http://localhost/api/health'), 50)).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a body that stops arriving halfway is given up too', async () => {
    const stalled: Transport = (request) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"results":['));
          request.signal.addEventListener('abort', () => controller.error(request.signal.reason));
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const response = await send(stalled, new Request('http://localhost/api/sync/pull'), 50);
    await expect(response.text()).rejects.toThrow();
  });
});
