import type { CunzhanDb } from '../data/db';
import { AppError } from '../data/errors';
import { API } from '../../shared/protocol/endpoints';
import { ApiErrorCode, type PushResponse } from '../../shared/protocol/messages';
import { checkPushReply } from '../../shared/protocol/replies';
import { answeredThrough, waitingAfter } from '../data/outbox-queue';
import { BatchSizer } from './batch-size';
import { pushBodyParts, readBatch, type OutboxBatch } from './outbox';
import { settlePushResults } from './settle-push';
import { gzipText, readReply, send, serverTimeOf, type Transport } from './transport';

export interface SyncEndpoint {
  db: CunzhanDb;
  transport: Transport;
  baseUrl: string;
  deviceId: string;
  /** This tablet's centre: a pulled row of any other is a bad reply. */
  centreId: string;
  token: string;
  /** Headers every sync request carries, so the county sees what each tablet runs and holds back. */
  report?: Record<string, string>;
  /** Told the server's clock as each reply arrives, with the tablet's at that moment. */
  onServerTime?: (serverMs: number, deviceMs: number) => void;
}

export interface PushOptions {
  onProgress?: (done: number, total: number) => void;
  /** Batch sizes learnt from earlier pushes; a fresh one when absent. */
  sizer?: BatchSizer;
}

/** Requests in flight at once: the next batch travels while the server applies one. */
const PIPELINE_DEPTH = 2;
/** A queue is split into at least this many batches when it is long enough (see `pipelined`). */
const MIN_BATCHES = 4;
/** A batch answered out_of_order after its predecessor's answer is sent again this often. */
const OUT_OF_ORDER_RETRIES = 3;

/** A batch read from the outbox and compressed, ready to send. */
interface PreparedBatch {
  batch: OutboxBatch;
  body: Uint8Array<ArrayBuffer>;
  encoding: 'gzip' | null;
}

interface InFlight {
  prepared: PreparedBatch;
  sentAt: number;
  attempts: number;
  response: Promise<PushResponse>;
}

function isOutOfOrder(error: unknown): boolean {
  return error instanceof AppError && error.detail === ApiErrorCode.outOfOrder;
}

interface Counts {
  applied: number;
  refused: number;
}

/**
 * Pushes the whole outbox (see `pushPass`). A server may answer only the
 * first mutations of a batch (its answer is bounded in bytes); the rest are
 * applied there already, and a further pass sends them again at once to
 * learn their stored results. Every pass answers at least one mutation (a
 * reply answering none is refused as bad), so this ends.
 */
export async function pushOutbox(endpoint: SyncEndpoint, options: PushOptions = {}): Promise<Counts> {
  const sizer = options.sizer ?? new BatchSizer();
  const onProgress = options.onProgress ?? (() => undefined);
  const total = await waitingAfter(endpoint.db, await answeredThrough(endpoint.db)).count();
  const counts = { applied: 0, refused: 0 };
  // With nothing queued there is nothing to count: the button says "syncing", not "uploading 0/0".
  if (total > 0) onProgress(0, total);
  for (;;) {
    const done = counts.applied + counts.refused;
    const pass = await pushPass(endpoint, sizer, (passDone) => onProgress(done + passDone, Math.max(total, done + passDone)));
    counts.applied += pass.applied;
    counts.refused += pass.refused;
    if (!pass.partial) return counts;
  }
}

/**
 * Pushes the outbox in order, in bounded batches (S2, S4), with up to
 * two requests in flight: each names the last mutation of the batch before
 * it (`after`), and the server applies a batch only after that one. The
 * answers are settled strictly in order, one transaction per batch, in the
 * background while the next batch is read, compressed and sent. A batch
 * the server could not yet put in order (409 out_of_order) is sent again once
 * its predecessor is answered. Any other failure stops the push: the entries
 * not settled stay queued and are pushed again, idempotently (S1).
 */
async function pushPass(
  endpoint: SyncEndpoint,
  sizer: BatchSizer,
  onProgress: (done: number) => void,
): Promise<Counts & { partial: boolean }> {
  const { db: database } = endpoint;
  let readAfterSeq = await answeredThrough(database);
  const total = await waitingAfter(database, readAfterSeq).count();
  const counts = { applied: 0, refused: 0 };
  let done = 0;
  let partial = false;

  const abort = new AbortController();
  let lastReadId: string | null = null;
  /**
   * Reads and compresses the batch after the last one read. Batches are sent
   * in the order they are read, so the last one read is the predecessor.
   * Calls never overlap: each is awaited before the next starts.
   */
  // A short queue still goes in a few batches, so the pipeline fills: the server applies one while
  // the tablet reads the next and settles the last, and the first and last (not overlapped) are small.
  const pipelined = Math.max(sizer.limits.min, Math.ceil(total / MIN_BATCHES));
  const prepareNext = async (): Promise<PreparedBatch | null> => {
    const batch = await readBatch(database, endpoint.deviceId, readAfterSeq, Math.min(sizer.size, pipelined));
    if (!batch) return null;
    const after = lastReadId;
    readAfterSeq = batch.lastSeq;
    lastReadId = batch.entries[batch.entries.length - 1]!.id;
    // Naming the batch sent before this one lets the server apply them in order though both travel at once.
    return { batch, ...(await gzipText(pushBodyParts(batch, after))) };
  };
  const prepareAhead = (): Promise<PreparedBatch | null> => {
    const prepared = prepareNext();
    prepared.catch(() => undefined); // awaited when a slot frees; silence it meanwhile
    return prepared;
  };
  const post = (prepared: PreparedBatch, attempts = 1): InFlight => {
    const response = postBatch(endpoint, prepared, abort.signal);
    response.catch(() => undefined); // awaited in order below; silence it meanwhile
    return { prepared, sentAt: performance.now(), attempts, response };
  };

  const inFlight: InFlight[] = [];
  let settling: Promise<void> = Promise.resolve();
  let settleFailed = false;
  let more = true;
  // The next batch is read and compressed while earlier ones travel, ready the moment a slot frees.
  let next = prepareAhead();
  try {
    for (;;) {
      while (more && !settleFailed && inFlight.length < PIPELINE_DEPTH) {
        const prepared = await next;
        if (prepared) {
          inFlight.push(post(prepared));
          next = prepareAhead();
        } else more = false;
      }
      const head = inFlight.shift();
      if (!head || settleFailed) break;
      let results: PushResponse['results'];
      try {
        ({ results } = await head.response);
      } catch (e) {
        // Everything before this batch is answered now, so sending it again finds its predecessor.
        if (isOutOfOrder(e) && head.attempts < OUT_OF_ORDER_RETRIES) {
          inFlight.unshift(post(head.prepared, head.attempts + 1));
          continue;
        }
        sizer.failed();
        throw e;
      }
      const { entries } = head.prepared.batch;
      sizer.answered(entries.length, performance.now() - head.sentAt);
      settling = settling.then(async () => {
        const settled = await settlePushResults(database, entries, results);
        counts.applied += settled.applied;
        counts.refused += settled.refused;
        done += settled.applied + settled.refused;
        onProgress(done);
      });
      settling.catch(() => {
        settleFailed = true;
      });
      // The rest of this batch is applied but unanswered: batches after it cannot
      // pass it in the queue's order, so this pass ends and the next sends the rest.
      if (results.length < entries.length) {
        partial = true;
        break;
      }
    }
  } finally {
    // Batches still in flight are not settled: their entries stay queued for the next push.
    abort.abort();
    await Promise.allSettled([next, ...inFlight.map((f) => f.response)]);
    await settling.catch(() => undefined); // let answered batches commit before giving up
  }
  await settling;
  return { ...counts, partial };
}

async function postBatch(endpoint: SyncEndpoint, { batch, body, encoding }: PreparedBatch, signal: AbortSignal): Promise<PushResponse> {
  const headers: Record<string, string> = {
    ...endpoint.report,
    Authorization: `Bearer ${endpoint.token}`,
    'Content-Type': 'application/json',
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  const request = new Request(new URL(API.push, endpoint.baseUrl), { method: 'POST', headers, body, signal });
  const response = await send(endpoint.transport, request);
  const sentIds = batch.entries.map((e) => e.id);
  const reply = await readReply(response, (value) => checkPushReply(value, sentIds));
  const serverMs = serverTimeOf(response, reply.serverTime);
  if (serverMs !== null) endpoint.onServerTime?.(serverMs, Date.now());
  return reply;
}
