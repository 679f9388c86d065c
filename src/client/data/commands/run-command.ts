import { Dexie } from 'dexie';
import { INSERT_ONLY_TABLES, type AnyRow, type TableName } from '../../../shared/domain/entities';
import { uuidv7 } from '../../../shared/domain/ids';
import type { MutationKind } from '../../../shared/mutations/kinds';
import { RefusalCode } from '../../../shared/domain/refusals';
import { UNSTORABLE_TEXT_MESSAGE } from '../../../shared/domain/text';
import type { Decision, ReadState, RowChange, RowKey } from '../../../shared/mutations/types';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version';
import type { StaffKeys } from '../../../shared/auth/staff-key';
import { signMutation } from '../../../shared/auth/staff-proof';
import { getSession } from '../../auth/session';
import { db as defaultDb, rowKey, type CunzhanDb, type OutboxEntry, type RowImage } from '../db';
import { AppError, AppErrorCode, toAppError, UNSTORABLE_TEXT_DETAIL } from '../errors';
import { announceMutationQueued } from '../local-changes';
import { addStockEffects } from '../stock-levels';
import { loadSearchKeysFor, writeSearchKeysOf } from '../search-keys';
import { getSyncedRows, putChangedRows } from '../synced-rows';

/** Where a command runs and on whose behalf. */
export interface CommandContext {
  db: CunzhanDb;
  staffId: string;
  deviceId: string;
  centreId: string;
  /**
   * The person's keys, which sign the change. The signed-in session always
   * has them; a change queued without them waits, like one queued before
   * proofs existed, until its author signs in (auth/sign-queue.ts).
   */
  keys?: StaffKeys;
}

/** The logged-in person on the app's database; throws `not_logged_in` otherwise. */
function currentContext(): CommandContext {
  const session = getSession();
  if (!session) throw new AppError(AppErrorCode.notLoggedIn);
  return { db: defaultDb, staffId: session.staff.id, deviceId: session.deviceId, centreId: session.centreId, keys: session.keys };
}

/**
 * Loads the rows `keys` names into a ReadState: one bulk read per table, all
 * sent at once, so a sale's staff, products and stock cost one round trip
 * to the database rather than one each.
 */
async function loadState(database: CunzhanDb, keys: readonly RowKey[]): Promise<Map<string, AnyRow>> {
  const byTable = new Map<TableName, string[]>();
  for (const { table, id } of keys) {
    const ids = byTable.get(table);
    if (ids) ids.push(id);
    else byTable.set(table, [id]);
  }
  const tables = [...byTable];
  const found = await Promise.all(tables.map(([table, ids]) => getSyncedRows(database, table, ids)));
  const rows = new Map<string, AnyRow>();
  tables.forEach(([table, ids], t) => {
    found[t]!.forEach((row, i) => {
      if (row) rows.set(rowKey(table, ids[i]!), row);
    });
  });
  return rows;
}

function readStateOf(rows: ReadonlyMap<string, AnyRow>): ReadState {
  return { get: (table, id) => rows.get(rowKey(table, id)) as never };
}

/**
 * The error a refused command throws. Args the schema refuses name their
 * field (the detail reads `path: message`), so a form can show the message
 * under it; text no store can hold gets a detail of its own, as a person can
 * paste it without seeing it and needs telling what to retype.
 */
function refusedInput(decision: Extract<Decision, { ok: false }>): AppError {
  if (decision.code !== RefusalCode.invalidArgs || decision.detail === undefined) {
    return new AppError(AppErrorCode.invalidInput, { detail: decision.code });
  }
  const at = decision.detail.indexOf(': ');
  const field = at > 0 ? decision.detail.slice(0, at) : undefined;
  const unstorable = decision.detail.endsWith(UNSTORABLE_TEXT_MESSAGE);
  return new AppError(AppErrorCode.invalidInput, { detail: unstorable ? UNSTORABLE_TEXT_DETAIL : decision.code, field });
}

/** Command tables: every table a command may read or write, so one transaction holds them all. */
function commandTables(database: CunzhanDb) {
  return [...database.syncedWithDerived(), database.outbox, database.meta];
}

/**
 * The shared decide of every kind, some 30 KB of code: loaded with the first
 * change a person makes, not with the first screen (see preloadCommands).
 */
type Registry = typeof import('../../../shared/mutations/registry');
let registryLoaded: Registry | undefined;
const loadRegistry = async (): Promise<Registry> => (registryLoaded ??= await import('../../../shared/mutations/registry'));

/** Fetches the shared decide ahead of the first change, once the screen is drawn (or before going offline). */
export function preloadCommands(): Promise<unknown> {
  return loadRegistry();
}

/** Runs the shared decide on the rows the mutation reads, in the caller's transaction. */
async function decideHere(
  { decideMutation, followReads, prepareMutation }: Registry,
  database: CunzhanDb,
  kind: MutationKind,
  args: unknown,
  ctx: CommandContext,
  mutationId: string,
  createdAt: string,
) {
  const prepared = prepareMutation(kind, args, ctx.staffId, createdAt);
  const rows = await loadState(database, prepared.reads);
  // Rows named by those just read (a parcel's order and villager).
  const after = followReads(prepared, readStateOf(rows));
  if (after.length > 0) for (const [key, row] of await loadState(database, after)) rows.set(key, row);
  const decision = decideMutation(prepared, readStateOf(rows), {
    mutationId,
    centreId: ctx.centreId,
    staffId: ctx.staffId,
    deviceId: ctx.deviceId,
    now: createdAt,
  });
  // Refused before anything is written: the tablet never queues what the server would refuse for its form.
  if (!decision.ok) throw refusedInput(decision);
  return { decision, rows };
}

/**
 * The generic part of every command, in ONE read-write transaction: build
 * the mutation's args (which may read local rows, e.g. price snapshots, and
 * take the next receipt number), check them with the shared decide, sign
 * them, and write the changed rows, their stock effects and the signed
 * outbox entry. The promise resolves only after that committed ("saved"
 * means saved); then the sync engine is nudged. A refusal throws before
 * anything is written, the receipt number with the rest.
 *
 * Signing (WebCrypto) and loading pinyin-pro (for a change to a villager or
 * a product, whose search keys are written with it) are awaited through
 * Dexie.waitFor, which keeps the transaction open meanwhile: any other await
 * on something but the database would let it commit early. Signing outside
 * it meant two transactions and the decide run twice, the rows read again
 * in case a pull moved them in between: a third of a sale's save.
 */
export async function runCommand(
  kind: MutationKind,
  buildArgs: (database: CunzhanDb, ctx: CommandContext) => unknown,
  context?: CommandContext,
): Promise<RowChange[]> {
  const ctx = context ?? currentContext();
  const database = ctx.db;
  // Loaded before any transaction opens: an await on it inside one would commit it early.
  // Once loaded, taken without an await: the transaction then opens in the tap's own task,
  // before the redraw the tap scheduled (a "saving" button) rather than after it.
  const registry = registryLoaded ?? (await loadRegistry());
  const mutationId = uuidv7();
  const createdAt = new Date().toISOString();
  let changes: RowChange[];
  try {
    changes = await database.transaction('rw', commandTables(database), async () => {
      const args = await buildArgs(database, ctx);
      const { decision, rows } = await decideHere(registry, database, kind, args, ctx, mutationId, createdAt);
      // One wait for all that is not the database: each wait keeps the transaction asking it for nothing meanwhile.
      const signed = await Dexie.waitFor(
        Dexie.ignoreTransaction(async () => {
          await loadSearchKeysFor(decision.changes.map((c) => c.table));
          const keys = ctx.keys;
          if (!keys) return {};
          const proven = { id: mutationId, kind, args, staffId: ctx.staffId, createdAt, keyId: keys.keyId };
          return { keyId: keys.keyId, proof: await signMutation(keys.proofKey, proven, ctx.deviceId) };
        }),
      );
      const before: RowImage[] = decision.changes.map(({ table, row }) => {
        const key = rowKey(table, row.id);
        return { key, row: rows.get(key) ?? null };
      });
      const fresh = decision.changes.filter((c, i) => INSERT_ONLY_TABLES.includes(c.table) && before[i]!.row === null);
      const entry: OutboxEntry = {
        id: mutationId,
        kind,
        args,
        staffId: ctx.staffId,
        deviceId: ctx.deviceId,
        centreId: ctx.centreId,
        createdAt,
        protocolVersion: PROTOCOL_VERSION,
        ...signed,
        touched: before.map((b) => b.key),
        before,
      };
      // Sent together, not one after another: each write is in this transaction whatever the order
      // (none reads what another writes), and a failed one aborts them all.
      await Promise.all([
        putChangedRows(database, decision.changes),
        addStockEffects(database, fresh),
        ...decision.changes.map(({ table, row }) => writeSearchKeysOf(database, table, [row])),
        database.outbox.add(entry),
      ]);
      return decision.changes;
    });
  } catch (e) {
    throw toAppError(e);
  }
  announceMutationQueued();
  return changes;
}
