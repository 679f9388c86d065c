import type { FloorRun } from './api';

/** Gzip through the browser's own CompressionStream, as a lean client would. */
async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * The floor: the same mutations, batched by `batchSize`, each batch
 * stringified, gzipped and posted to an endpoint that does nothing but read
 * and gunzip it. No IndexedDB, no bookkeeping: the least any sync could cost.
 */
export async function postFloor(
  url: string,
  envelope: (batch: readonly unknown[]) => unknown,
  mutations: readonly unknown[],
  batchSize: number,
): Promise<FloorRun> {
  const started = performance.now();
  let requests = 0;
  let bodyBytes = 0;
  let jsonBytes = 0;
  for (let from = 0; from < mutations.length; from += batchSize) {
    const json = JSON.stringify(envelope(mutations.slice(from, from + batchSize)));
    const body = await gzip(json);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body,
    });
    if (response.status !== 204) throw new Error(`floor answered ${response.status}`);
    requests += 1;
    bodyBytes += body.byteLength;
    jsonBytes += json.length;
  }
  return { ms: performance.now() - started, requests, bodyBytes, jsonBytes };
}
