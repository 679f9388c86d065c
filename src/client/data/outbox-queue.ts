import type { Collection } from 'dexie';
import type { CunzhanDb, OutboxEntry } from './db';
import type { MetaKey, MetaValues } from './meta';

/**
 * The outbox holds the entries still waiting for the server and, for a
 * moment, entries already answered. Settling a pushed batch only moves the
 * mark `outboxAnsweredThrough` past it (one small write in the settle's
 * transaction); the answered entries are swept afterwards in small
 * transactions (`sweepAnswered`), so neither the push nor a sale made
 * meanwhile waits on one large delete. Everything that asks what is queued
 * reads past the mark.
 */
export function answeredThrough(database: CunzhanDb): Promise<number> {
  // A Dexie promise chain, not an async function: a live query that awaits it
  // goes on observing what it reads next (a native await would lose its zone).
  const key: MetaKey = 'outboxAnsweredThrough';
  return database.meta.get(key).then((row) => (row?.value as MetaValues['outboxAnsweredThrough'] | undefined) ?? 0);
}

/** Entries after the mark, in queue order. */
export function waitingAfter(database: CunzhanDb, through: number): Collection<OutboxEntry, number> {
  return database.outbox.where('seq').above(through);
}

/**
 * How many changes wait for the server. Live queries call it: one chain of
 * Dexie promises, and no transaction of its own (one opened inside a live
 * query could outlast a command's and fail it). A count read just as a settle
 * moves the mark is corrected by the re-run that follows.
 */
export function waitingCount(database: CunzhanDb): Promise<number> {
  return answeredThrough(database).then((through) => waitingAfter(database, through).count());
}

/** The changes waiting for the server, in queue order. */
export function waitingEntries(database: CunzhanDb): Promise<OutboxEntry[]> {
  return answeredThrough(database).then((through) => waitingAfter(database, through).toArray());
}

/** The waiting changes that touch any of `keys` (`table:id`), each once. */
export async function waitingTouching(database: CunzhanDb, keys: readonly string[]): Promise<OutboxEntry[]> {
  if (keys.length === 0) return [];
  const through = await answeredThrough(database);
  const touching = await database.outbox.where('touched').anyOf([...keys]).distinct().toArray();
  return touching.filter((entry) => entry.seq! > through);
}

/** Entries deleted per transaction: a sale waits at most for one such small delete. */
const SWEEP_CHUNK = 250;

/** Deletes the answered entries before the mark; returns how many. Safe to run at any time. */
export async function sweepAnswered(database: CunzhanDb): Promise<number> {
  let swept = 0;
  for (;;) {
    const deleted = await database.transaction('rw', [database.outbox, database.meta], async () => {
      const through = await answeredThrough(database);
      const seqs = await database.outbox.where('seq').belowOrEqual(through).limit(SWEEP_CHUNK).primaryKeys();
      if (seqs.length > 0) await database.outbox.where('seq').between(seqs[0]!, seqs[seqs.length - 1]!, true, true).delete();
      return seqs.length;
    });
    swept += deleted;
    if (deleted < SWEEP_CHUNK) return swept;
  }
}
