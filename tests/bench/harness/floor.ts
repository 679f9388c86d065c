import type { FloorRun } from './api';

/** Gzip through the browser's own CompressionStream, as a lean client would. */
async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function post(url: string, body: Uint8Array<ArrayBuffer>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    body,
  });
  if (response.status !== 204) throw new Error(`floor answered ${response.status}`);
}

/**
 * The floor: the same mutations, batched by `batchSize`, each batch
 * stringified, gzipped and posted to a bare endpoint (one that only reads
 * and gunzips it, or the durable one). No IndexedDB, no bookkeeping: the
 * least any sync could cost. With `depth` 2, the next body is made while
 * two requests travel, as the app's pipelined push does.
 */
export async function postFloor(
  url: string,
  envelope: (batch: readonly unknown[]) => unknown,
  mutations: readonly unknown[],
  batchSize: number,
  depth = 1,
): Promise<FloorRun> {
  const started = performance.now();
  let requests = 0;
  let bodyBytes = 0;
  let jsonBytes = 0;
  const inFlight: Promise<void>[] = [];
  for (let from = 0; from < mutations.length; from += batchSize) {
    const json = JSON.stringify(envelope(mutations.slice(from, from + batchSize)));
    const body = await gzip(json);
    if (inFlight.length >= depth) await inFlight.shift();
    const sent = post(url, body);
    sent.catch(() => undefined); // awaited in order above or below; silence it meanwhile
    inFlight.push(sent);
    requests += 1;
    bodyBytes += body.byteLength;
    jsonBytes += json.length;
  }
  await Promise.all(inFlight);
  return { ms: performance.now() - started, requests, bodyBytes, jsonBytes };
}
