import type { CunzhanDb, OutboxEntry } from '../data/db';
import { answeredThrough, waitingAfter, waitingEntries, waitingTouching } from '../data/outbox-queue';
import { LIMITS } from '../../shared/protocol/messages';
import type { SizedText } from './transport';

/** One push: entries in queue order and the request body's text, in parts (see `pushBodyParts`). */
export interface OutboxBatch {
  entries: OutboxEntry[];
  lastSeq: number;
  protocolVersion: number;
  /** `"protocolVersion":…,"deviceId":…`: the envelope's fields, without braces. */
  envelopeFields: string;
  /** The mutations as one JSON array, and its UTF-8 length. */
  mutations: SizedText;
}

/** Keeps each decompressed request well under the server's body limit (S4). */
export const PUSH_MAX_BYTES = 1024 * 1024;

/**
 * UTF-8 length of `text` without encoding it: TextEncoder per envelope cost
 * more than reading the batch from IndexedDB. Lone surrogates count as the
 * three bytes of U+FFFD, as JSON.stringify never emits them unescaped anyway.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 2; // a pair: two UTF-16 units, four bytes
        i++;
      } else bytes += 2;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The next batch after `afterSeq`: at most 500 mutations and PUSH_MAX_BYTES,
 * all of one protocol version (a queue from before an app update is sent
 * with the version it was made under, S8), and none past the first entry
 * without a proof: that one waits for its author to sign in and sign it
 * (auth/sign-queue.ts), and the ones after it wait too, to keep the order
 * (S2). Each envelope is stringified once.
 */
export async function readBatch(
  database: CunzhanDb,
  deviceId: string,
  afterSeq: number,
  maxCount: number = LIMITS.pushMaxMutations,
  maxBytes: number = PUSH_MAX_BYTES,
): Promise<OutboxBatch | null> {
  const candidates = await waitingAfter(database, afterSeq).limit(maxCount).toArray();
  const first = candidates[0];
  if (!first || first.proof === undefined) return null;
  const entries: OutboxEntry[] = [];
  const parts: string[] = [];
  let bytes = 0;
  for (const entry of candidates) {
    if (entry.protocolVersion !== first.protocolVersion || entry.proof === undefined) break;
    const { id, kind, args, staffId, createdAt, keyId, proof } = entry;
    const part = JSON.stringify({ id, kind, args, staffId, createdAt, keyId, proof });
    const size = utf8Length(part) + 1;
    if (entries.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    entries.push(entry);
    parts.push(part);
  }
  return {
    entries,
    lastSeq: entries[entries.length - 1]!.seq!,
    protocolVersion: first.protocolVersion,
    envelopeFields: JSON.stringify({ protocolVersion: first.protocolVersion, deviceId }).slice(1, -1),
    // Each part counted one byte for its comma; the brackets take one more than the commas.
    mutations: { text: `[${parts.join(',')}]`, bytes: bytes + 1 },
  };
}

/**
 * The push request body, in parts whose concatenation is the JSON envelope,
 * naming the batch sent before (`after`) when there is one. Kept in parts so
 * the large mutations text is encoded where it lies, never copied into a bigger string.
 */
export function pushBodyParts(batch: OutboxBatch, after: string | null): SizedText[] {
  const predecessor = after === null ? '' : `"after":${JSON.stringify(after)},`;
  const head = `{${predecessor}${batch.envelopeFields},"mutations":`;
  return [{ text: head, bytes: utf8Length(head) }, batch.mutations, { text: '}', bytes: 1 }];
}

/** The first waiting entry, when it waits for its author to sign in; else null. */
export async function firstUnsigned(database: CunzhanDb): Promise<OutboxEntry | null> {
  const [first] = await waitingEntriesHead(database);
  return first && first.proof === undefined ? first : null;
}

async function waitingEntriesHead(database: CunzhanDb): Promise<OutboxEntry[]> {
  return waitingAfter(database, await answeredThrough(database)).limit(1).toArray();
}

/**
 * `table:id` keys that some waiting mutation still touches, among `keys`
 * (or all). Runs inside a transaction that holds the outbox and meta.
 */
export async function stillTouched(database: CunzhanDb, keys?: readonly string[]): Promise<Set<string>> {
  const entries = keys ? await waitingTouching(database, keys) : await waitingEntries(database);
  return new Set(entries.flatMap((e) => e.touched));
}
