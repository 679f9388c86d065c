import { describe, expect, it } from 'vitest';
import { readReply, send, type Transport } from '../../src/client/sync/transport';

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

  /** Answers at once, then its body stops halfway and never ends, whatever the signal says: a fetch that lost the abort. */
  const deaf: Transport = () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"results":['));
      },
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };

  it('is given up after the timeout even when the fetch underneath misses it', async () => {
    const response = await send(deaf, new Request('http://localhost/api/sync/push'), 50);
    await expect(readReply(response, (body) => body)).rejects.toMatchObject({ code: 'server_unreachable' });
  });

  it('is given up as soon as the sync that asked for it stops waiting (a push ended by a failed batch)', async () => {
    const asker = new AbortController();
    const response = await send(deaf, new Request('http://localhost/api/sync/push', { signal: asker.signal }));
    const reading = readReply(response, (body) => body);
    asker.abort();
    await expect(reading).rejects.toMatchObject({ code: 'server_unreachable' });
  });
});
