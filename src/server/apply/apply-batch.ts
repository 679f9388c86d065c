import type { AnyRow, SyncedTables, TableName } from '../../shared/domain/entities';
import { decideMutation, followReads, prepareMutation, tablesReadWhole, type PreparedMutation } from '../../shared/mutations/registry';
import { refuse, type Decision, type ReadState, type RowChange, type RowKey } from '../../shared/mutations/types';
import type { MutationEnvelope, MutationResult } from '../../shared/protocol/messages';
import { RefusalCode } from '../../shared/domain/refusals';
import { toStorableText } from '../../shared/domain/text';
import { silentLogger, type Logger } from '../log';
import { isRefusableStoreError } from '../store/storage-errors';
import { rowKey, type AppliedRecord, type CentreTx, type DeviceSyncReport, type Store, type StoredStaffKey } from '../store/store';
import { proofKeyCacheOf } from '../auth/proof-keys';
import { BatchProofs } from './batch-proofs';
import { reviewsOf } from './reviews';

export interface BatchContext {
  centreId: string;
  deviceId: string;
  /** Server time, recorded as when the batch was applied. */
  appliedAt: string;
  /** The last mutation of the batch the device sent before this one, if it named it. */
  after?: string | null | undefined;
  /** Where a mutation refused for a store error is told about, with the error. */
  log?: Logger | undefined;
  /** What the tablet told about itself, recorded in the same transaction. */
  report?: DeviceSyncReport | undefined;
}

/** The batch this one follows is not applied (yet): nothing of this one is. */
export class PredecessorNotApplied extends Error {
  constructor(readonly after: string) {
    super(`mutation ${after} is not applied yet`);
    this.name = 'PredecessorNotApplied';
  }
}

/**
 * Applies one pushed batch in one transaction, in the order given (S2),
 * and only after the batch it follows (`ctx.after`): checked under the
 * centre's write lock, so no other process can apply it in between.
 * A mutation id seen before gets the result it got the first time (S1);
 * refusals are stored too, so a re-push is refused the same way (S5).
 * Each mutation's args are parsed once; the rows all of them read are loaded
 * in one go and kept in an overlay, so a mutation sees what earlier ones in
 * the same batch wrote. Rows written remember this device as their origin.
 * Each mutation's proof is checked after its args and before its staff
 * member's role (auth/PROOF.md): the keys it needs are loaded and derived
 * once for the batch (and kept per process), so the check itself is an HMAC.
 *
 * The whole batch is written at once. If the store throws on that, the
 * batch is undone to a savepoint and written again mutation by mutation,
 * so the one the store cannot take is refused and the others apply (S12).
 * A storage outage is never a refusal: it fails the whole request.
 */
export function applyBatch(store: Store, ctx: BatchContext, mutations: readonly MutationEnvelope[]): Promise<MutationResult[]> {
  return store.inCentreTx(ctx.centreId, async (tx) => {
    const ids = new Set(mutations.map((m) => m.id));
    const after = ctx.after ?? null;
    const known = await tx.appliedResults(after === null ? [...ids] : [...ids, after]);
    if (after !== null && !known.has(after)) throw new PredecessorNotApplied(after);
    const prepared = new Map<string, PreparedMutation>();
    const reads = new Map<string, RowKey>();
    const whole = new Set<TableName>();
    const pending: { m: MutationEnvelope; prepared: Extract<PreparedMutation, { valid: true }> }[] = [];
    for (const m of mutations) {
      if (known.has(m.id) || prepared.has(m.id)) continue;
      const p = prepareSafely(m, ctx);
      prepared.set(m.id, p);
      for (const key of p.reads) reads.set(rowKey(key.table, key.id), key);
      if (p.valid) {
        pending.push({ m, prepared: p });
        for (const table of tablesReadWhole(p.kind)) whole.add(table);
      }
    }
    const proofs = await BatchProofs.load(tx, proofKeyCacheOf(store), ctx, pending);
    const batch: Batch = { tx, ctx, mutations, prepared, reads: [...reads.values()], whole: [...whole], proofs };
    if (ctx.report) await tx.recordDeviceSync(ctx.deviceId, ctx.report);
    try {
      return await tx.savepoint(() => applyAtOnce(batch, new Map(known)));
    } catch (error) {
      if (!isRefusableStoreError(error)) throw error;
      return applyOneByOne(batch, known);
    }
  });
}

interface Batch {
  tx: CentreTx;
  ctx: BatchContext;
  mutations: readonly MutationEnvelope[];
  prepared: ReadonlyMap<string, PreparedMutation>;
  reads: readonly RowKey[];
  /** Tables read whole (ReadState.all), loaded into the overlay too. */
  whole: readonly TableName[];
  proofs: BatchProofs;
}

/** How often one mutation may ask for rows not loaded yet before it is decided on what there is. */
const FOLLOW_ROUNDS = 3;

/**
 * The rows the batch reads, as an overlay later mutations see earlier ones'
 * writes in. Rows named by the rows read (followReads: a parcel's order) are
 * loaded next. A decide may still ask for a row nobody loaded, when an
 * earlier mutation of the batch pointed it there (a parcel matched, then
 * handed over): `missing` names those, `loadMissing` loads them as they
 * were before the batch, which is right, since no mutation of the batch wrote them.
 */
async function overlayOf(batch: Batch) {
  const overlay = await batch.tx.loadRows(batch.reads);
  const loaded = new Set(batch.reads.map((key) => rowKey(key.table, key.id)));
  for (const table of batch.whole) {
    for (const row of await batch.tx.loadTable(table)) overlay.set(rowKey(table, row.id), row);
  }
  let missing = new Map<string, RowKey>();
  const load = async (keys: readonly RowKey[]) => {
    const fresh = keys.filter((key) => !loaded.has(rowKey(key.table, key.id)));
    if (fresh.length === 0) return;
    for (const key of fresh) loaded.add(rowKey(key.table, key.id));
    for (const [key, row] of await batch.tx.loadRows(fresh)) if (!overlay.has(key)) overlay.set(key, row);
  };
  const peek: ReadState = { get: <T extends TableName>(table: T, id: string) => overlay.get(rowKey(table, id)) as SyncedTables[T] | undefined };
  await load([...batch.prepared.values()].flatMap((p) => followReads(p, peek)));
  batch.proofs.startPass();
  const state: ReadState = {
    get: <T extends TableName>(table: T, id: string) => {
      const key = rowKey(table, id);
      if (!loaded.has(key) && !overlay.has(key) && !batch.whole.includes(table)) missing.set(key, { table, id });
      return overlay.get(key) as SyncedTables[T] | undefined;
    },
    all: <T extends TableName>(table: T) => {
      if (!batch.whole.includes(table)) throw new Error(`${table} was not loaded whole`);
      const prefix = rowKey(table, '');
      return [...overlay].filter(([key]) => key.startsWith(prefix)).map(([, row]) => row as SyncedTables[T]);
    },
  };
  const write = (changes: readonly RowChange[]) => {
    for (const change of changes) overlay.set(rowKey(change.table, change.row.id), change.row as AnyRow);
  };
  /** Loads the rows decides asked for and did not find loaded; false when there were none. */
  const loadMissing = async () => {
    if (missing.size === 0) return false;
    const keys = [...missing.values()];
    missing = new Map();
    await load(keys);
    return true;
  };
  return { state, write, loadMissing };
}

type Overlay = Awaited<ReturnType<typeof overlayOf>>;

/** `decide`, again after loading the rows it asked for and did not find loaded. */
async function decideLoading(batch: Batch, m: MutationEnvelope, overlay: Overlay) {
  let decided = decide(batch, m, overlay.state);
  for (let round = 0; round < FOLLOW_ROUNDS && (await overlay.loadMissing()); round++) decided = decide(batch, m, overlay.state);
  return decided;
}

/** The fast path: every write of the batch in one statement, every result in another. */
async function applyAtOnce(batch: Batch, known: Map<string, MutationResult>): Promise<MutationResult[]> {
  const { tx, ctx } = batch;
  const overlay = await overlayOf(batch);
  const results: MutationResult[] = [];
  const writes: RowChange[] = [];
  const records: AppliedRecord[] = [];
  const keys: StoredStaffKey[] = [];
  for (const m of batch.mutations) {
    const stored = known.get(m.id);
    if (stored) {
      results.push(stored);
      continue;
    }
    const { result, changes } = await decideLoading(batch, m, overlay);
    overlay.write(changes);
    writes.push(...changes);
    if (result.status === 'applied') {
      const key = batch.proofs.keyOf(m.id, ctx.appliedAt);
      if (key) keys.push(key);
      batch.proofs.applied(m.id);
    }
    // A mutation repeated within one batch is still applied once.
    known.set(m.id, result);
    results.push(result);
    records.push(recordOf(ctx, m, result));
  }
  await tx.addStaffKeys(keys);
  await tx.writeRows(writes, ctx.deviceId);
  await tx.recordResults(records, ctx.appliedAt);
  return results;
}

/** The slow path, after the fast one failed: each mutation written in a savepoint of its own. */
async function applyOneByOne(batch: Batch, known: Map<string, MutationResult>): Promise<MutationResult[]> {
  const { tx, ctx } = batch;
  const overlay = await overlayOf(batch);
  const results: MutationResult[] = [];
  for (const m of batch.mutations) {
    const stored = known.get(m.id);
    if (stored) {
      results.push(stored);
      continue;
    }
    let { result, changes } = await decideLoading(batch, m, overlay);
    try {
      await tx.savepoint(async () => {
        // The key counts for later mutations only once it is written: a failed write undoes it.
        const key = result.status === 'applied' ? batch.proofs.keyOf(m.id, ctx.appliedAt) : undefined;
        if (key) await tx.addStaffKeys([key]);
        await tx.writeRows(changes, ctx.deviceId);
        await tx.recordResults([recordOf(ctx, m, result)], ctx.appliedAt);
      });
      if (result.status === 'applied') batch.proofs.applied(m.id);
      overlay.write(changes);
    } catch (error) {
      if (!isRefusableStoreError(error)) throw error;
      logRejected(ctx, m, error);
      result = { id: m.id, status: 'refused', code: RefusalCode.serverRejected };
      changes = [];
      await tx.recordResults([recordOf(ctx, m, result)], ctx.appliedAt);
    }
    known.set(m.id, result);
    results.push(result);
  }
  return results;
}

/** The mutation's result and the rows it writes; a decide that throws refuses its mutation only. */
function decide(batch: Batch, m: MutationEnvelope, state: ReadState): { result: MutationResult; changes: RowChange[] } {
  const { ctx } = batch;
  const prepared = batch.prepared.get(m.id)!;
  let decision: Decision;
  try {
    const mctx = { mutationId: m.id, centreId: ctx.centreId, staffId: m.staffId, deviceId: ctx.deviceId, now: m.createdAt };
    decision = (prepared.valid ? batch.proofs.check(m, prepared) : null) ?? decideMutation(prepared, state, mctx);
    if (decision.ok && prepared.valid) {
      const who = { centreId: ctx.centreId, staffId: m.staffId, deviceId: ctx.deviceId, at: ctx.appliedAt };
      decision = { ok: true, changes: [...decision.changes, ...reviewsOf(prepared.kind, decision.changes, state, who)] };
    }
  } catch (error) {
    logRejected(ctx, m, error);
    decision = refuse(RefusalCode.serverRejected);
  }
  if (decision.ok) return { result: { id: m.id, status: 'applied' }, changes: decision.changes };
  // A detail may echo what was sent (a key holding a NUL): it is stored, so it must be storable.
  const result: MutationResult = decision.detail === undefined
    ? { id: m.id, status: 'refused', code: decision.code }
    : { id: m.id, status: 'refused', code: decision.code, detail: toStorableText(decision.detail) };
  return { result, changes: [] };
}

function prepareSafely(m: MutationEnvelope, ctx: BatchContext): PreparedMutation {
  try {
    return prepareMutation(m.kind, m.args, m.staffId, m.createdAt);
  } catch (error) {
    logRejected(ctx, m, error);
    return { valid: false, refusal: refuse(RefusalCode.serverRejected), reads: [] };
  }
}

function recordOf(ctx: BatchContext, m: MutationEnvelope, result: MutationResult): AppliedRecord {
  return { id: m.id, deviceId: ctx.deviceId, kind: m.kind, result };
}

/** The error goes to the log only: its message may hold data, and the tablet cannot act on it. */
function logRejected(ctx: BatchContext, m: MutationEnvelope, error: unknown): void {
  (ctx.log ?? silentLogger).error('mutation refused: server error', {
    centreId: ctx.centreId,
    deviceId: ctx.deviceId,
    mutationId: m.id,
    kind: m.kind,
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  });
}
