import type { CunzhanDb } from '../data/db';
import { API } from '../../shared/protocol/endpoints';
import type { PushResponse } from '../../shared/protocol/messages';
import { readBatch, type OutboxBatch } from './outbox';
import { settlePushResults } from './settle-push';
import { gzipText, send, type Transport } from './transport';

export interface SyncEndpoint {
  db: CunzhanDb;
  transport: Transport;
  baseUrl: string;
  deviceId: string;
  token: string;
}

async function postBatch(endpoint: SyncEndpoint, batch: OutboxBatch): Promise<PushResponse> {
  const { body, encoding } = await gzipText(batch.bodyText);
  const headers: Record<string, string> = {
    Authorization: `Bearer ${endpoint.token}`,
    'Content-Type': 'application/json',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  const request = new Request(new URL(API.push, endpoint.baseUrl), { method: 'POST', headers, body });
  return (await (await send(endpoint.transport, request)).json()) as PushResponse;
}

/**
 * Pushes the whole outbox in order, one bounded batch per request (S2, S4).
 * While a batch is in flight the next one is read and the previous answer
 * is written, so the link is rarely idle. A lost answer throws; the entries
 * stay queued and are pushed again, which the server treats idempotently (S1).
 */
export async function pushOutbox(
  endpoint: SyncEndpoint,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ applied: number; refused: number }> {
  const { db: database } = endpoint;
  const total = await database.outbox.count();
  const counts = { applied: 0, refused: 0 };
  let done = 0;
  onProgress(0, total);
  let batch = await readBatch(database, endpoint.deviceId, 0);
  let settling: Promise<void> = Promise.resolve();
  while (batch) {
    const current = batch;
    const response = postBatch(endpoint, current);
    const next = readBatch(database, endpoint.deviceId, current.lastSeq);
    next.catch(() => undefined); // awaited below; silence the rejection while the post runs
    const { results } = await response;
    await settling;
    settling = settlePushResults(database, current.entries, results).then((settled) => {
      counts.applied += settled.applied;
      counts.refused += settled.refused;
      done += current.entries.length;
      onProgress(done, Math.max(total, done));
    });
    settling.catch(() => undefined);
    // An entry the server did not answer would be re-sent forever in this loop: stop and retry later.
    if (results.length < current.entries.length) break;
    batch = await next;
  }
  await settling;
  return counts;
}
