import { INSERT_ONLY_TABLES, type AnyRow, type LocalizedName, type TableName } from '../../shared/domain/entities';
import type { MutationResult } from '../../shared/protocol/messages';
import { parseRowKey, type CunzhanDb, type OutboxEntry, type Refusal } from '../data/db';
import { setMeta } from '../data/meta';
import { answeredThrough, waitingAfter, waitingTouching } from '../data/outbox-queue';
import { addStockEffects } from '../data/stock-levels';
import { loadSearchKeysFor, writeSearchKeysOf } from '../data/search-keys';
import { deleteSyncedRows, getSyncedRow, putSyncedRows } from '../data/synced-rows';
import { stillTouched } from './outbox';
import { describeRefusal } from './refusal-notes';

/**
 * Applies the server's answer to one pushed batch, in ONE transaction:
 * answered entries leave the outbox; for applied ones the server's version
 * held in `shadow` (if a pull brought one meanwhile) replaces the optimistic
 * row; refused ones are rolled back to the server's version (shadow) or the
 * row as it was before (`before`), their stock effects undone, and a refusal
 * is recorded for staff (S5). Entries without an answer stay queued.
 */
export async function settlePushResults(
  database: CunzhanDb,
  entries: readonly OutboxEntry[],
  results: readonly MutationResult[],
): Promise<{ applied: number; refused: number }> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const answered = entries.filter((e) => byId.has(e.id));
  if (answered.length === 0) return { applied: 0, refused: 0 };
  const refused = answered.flatMap((entry) => {
    const result = byId.get(entry.id)!;
    return result.status === 'refused' ? [{ entry, result }] : [];
  });
  // A villager's or product's row put back (the server's, or as it was) gets its search keys again in the same transaction.
  await loadSearchKeysFor(answered.flatMap((e) => e.touched.map((key) => parseRowKey(key).table)));
  const tables = [...database.syncedWithDerived(), database.outbox, database.shadow, database.refusals, database.meta];
  await database.transaction('rw', tables, async () => {
    // The stored entries, not the copies read for the push: an earlier settle may have rebased their images.
    const stored = refused.length === 0
      ? new Map<string, OutboxEntry>()
      : new Map((await database.outbox.bulkGet(refused.map(({ entry }) => entry.seq!))).flatMap((e) => (e ? [[e.id, e] as const] : [])));
    await markAnswered(database, answered);
    // The common case, everything applied and no pull in between: nothing else to do.
    if (refused.length === 0 && (await database.shadow.count()) === 0) return;
    const touchedKeys = [...new Set(answered.flatMap((e) => e.touched))];
    const pending = await stillTouched(database, touchedKeys);
    const shadows = new Map(
      (await database.shadow.bulkGet(touchedKeys)).flatMap((s) => (s ? [[s.key, s] as const] : [])),
    );
    const refusedKeys = new Set(refused.flatMap(({ entry }) => entry.touched));

    // Applied: the shadow is the server's row (or an older one that the next pull replaces).
    for (const key of touchedKeys) {
      if (refusedKeys.has(key) || pending.has(key)) continue;
      const shadow = shadows.get(key);
      if (shadow) await putRow(database, shadow.table, shadow.row);
      if (shadow) await writeSearchKeysOf(database, shadow.table, [shadow.row]);
    }

    // Refused: newest first, so the oldest `before` image is the one that stays.
    const refusalRows: Refusal[] = [];
    const rolledBackTo = new Map<string, AnyRow | null>();
    for (const { entry, result } of [...refused].reverse()) {
      const current = new Map<string, AnyRow | undefined>();
      for (const key of entry.touched) {
        const { table, id } = parseRowKey(key);
        current.set(key, await getSyncedRow(database, table, id));
      }
      const names = await productNamesFor(database, [...current.values()]);
      const { summary, rolledBack } = describeRefusal(entry, current, names);
      for (const image of stored.get(entry.id)?.before ?? entry.before) {
        const { table, id } = parseRowKey(image.key);
        const restored = shadows.get(image.key)?.row ?? image.row;
        rolledBackTo.set(image.key, restored);
        const had = current.get(image.key);
        // Stock effects follow whether the row exists, not whether it changed.
        if (restored) await putSyncedRows(database, table, [restored]);
        else await deleteSyncedRows(database, table, [id]);
        await writeSearchKeysOf(database, table, restored ? [restored] : [], restored ? [] : [id]);
        if (INSERT_ONLY_TABLES.includes(table)) {
          if (had && !restored) await addStockEffects(database, [{ table, row: had }], -1);
          if (!had && restored) await addStockEffects(database, [{ table, row: restored }], 1);
        }
      }
      refusalRows.push({
        id: entry.id,
        at: new Date().toISOString(),
        kind: entry.kind,
        code: result.code,
        ...(result.detail !== undefined ? { detail: result.detail } : {}),
        staffId: entry.staffId,
        createdAt: entry.createdAt,
        summary,
        rolledBack,
      });
    }
    await database.refusals.bulkPut(refusalRows);
    await rebaseQueued(database, rolledBackTo);
    await database.shadow.bulkDelete(touchedKeys.filter((key) => !pending.has(key)));
  });
  return { applied: answered.length - refused.length, refused: refused.length };
}

/**
 * Takes answered entries out of the queue. A pushed batch is a run of the
 * queue right after the answered mark, so the mark moves past it (one small
 * write; `sweepAnswered` deletes the entries later). Answered entries beyond
 * an unanswered one cannot be passed by the mark and are deleted now.
 */
async function markAnswered(database: CunzhanDb, answered: readonly OutboxEntry[]): Promise<void> {
  const answeredSeqs = new Set(answered.map((e) => e.seq!));
  const through = await answeredThrough(database);
  let mark = through;
  for (const seq of await waitingAfter(database, through).limit(answeredSeqs.size).primaryKeys()) {
    if (!answeredSeqs.has(seq)) break;
    mark = seq;
  }
  if (mark > through) await setMeta(database, 'outboxAnsweredThrough', mark);
  const beyond = [...answeredSeqs].filter((seq) => seq > mark);
  if (beyond.length > 0) await database.outbox.bulkDelete(beyond);
}

/**
 * Changes still queued that touch a rolled-back row saw it with the refused
 * change applied; if they are refused too, they must roll back to the row
 * without it (a product whose creation was refused must not come back when
 * a later edit of it is refused in a later batch).
 */
async function rebaseQueued(database: CunzhanDb, rolledBackTo: ReadonlyMap<string, AnyRow | null>): Promise<void> {
  const queued = await waitingTouching(database, [...rolledBackTo.keys()]);
  if (queued.length === 0) return;
  const rebased = queued.map((entry) => ({
    ...entry,
    before: entry.before.map((image) => (rolledBackTo.has(image.key) ? { key: image.key, row: rolledBackTo.get(image.key) ?? null } : image)),
  }));
  await database.outbox.bulkPut(rebased);
}

/** Puts a row, counting its stock effects if it is an insert-only row new to this table. */
async function putRow(database: CunzhanDb, table: TableName, row: AnyRow): Promise<void> {
  if (INSERT_ONLY_TABLES.includes(table) && !(await database.synced(table).get(row.id))) await addStockEffects(database, [{ table, row }], 1);
  await putSyncedRows(database, table, [row]);
}

async function productNamesFor(database: CunzhanDb, rows: readonly (AnyRow | undefined)[]): Promise<Map<string, LocalizedName>> {
  const ids = rows.flatMap((row) => (row && 'productId' in row ? [row.productId] : []));
  const products = await database.products.bulkGet(ids);
  return new Map(products.flatMap((p) => (p ? [[p.id, p.names] as const] : [])));
}
