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

/** A batch read from the outbox and compressed, ready to send. */
interface PreparedBatch {
  batch: OutboxBatch;
  body: Uint8Array<ArrayBuffer>;
  encoding: 'gzip' | null;
}

async function prepareBatch(endpoint: SyncEndpoint, afterSeq: number): Promise<PreparedBatch | null> {
  const batch = await readBatch(endpoint.db, endpoint.deviceId, afterSeq);
  if (!batch) return null;
  return { batch, ...(await gzipText(batch.bodyText)) };
}

async function postBatch(endpoint: SyncEndpoint, { body, encoding }: PreparedBatch): Promise<PushResponse> {
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
 * While a batch is in flight the next one is read and compressed and the
 * previous answer is written, so the link is rarely idle. A lost answer
 * throws; the entries stay queued and are pushed again, which the server
 * treats idempotently (S1).
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
  let prepared = await prepareBatch(endpoint, 0);
  let settling: Promise<void> = Promise.resolve();
  while (prepared) {
    const current = prepared.batch;
    const response = postBatch(endpoint, prepared);
    const next = prepareBatch(endpoint, current.lastSeq);
    next.catch(() => undefined); // awaited below; silence the rejection while the post runs
    const { results } = await response.catch(async (e: unknown) => {
      await settling.catch(() => undefined); // let the previous answer commit before giving up
      throw e;
    });
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
    prepared = await next;
  }
  await settling;
  return counts;
}
