import type { AnyRow, SyncedTables, TableName } from '../../shared/domain/entities';
import { decideMutation, prepareMutation, type PreparedMutation } from '../../shared/mutations/registry';
import type { ReadState, RowChange, RowKey } from '../../shared/mutations/types';
import type { MutationEnvelope, MutationResult } from '../../shared/protocol/messages';
import { rowKey, type AppliedRecord, type Store } from '../store/store';

export interface BatchContext {
  centreId: string;
  deviceId: string;
  /** Server time, recorded as when the batch was applied. */
  appliedAt: string;
  /** The last mutation of the batch the device sent before this one, if it named it. */
  after?: string | null | undefined;
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
 */
export function applyBatch(store: Store, ctx: BatchContext, mutations: readonly MutationEnvelope[]): Promise<MutationResult[]> {
  return store.inCentreTx(ctx.centreId, async (tx) => {
    const ids = new Set(mutations.map((m) => m.id));
    const after = ctx.after ?? null;
    const known = await tx.appliedResults(after === null ? [...ids] : [...ids, after]);
    if (after !== null && !known.has(after)) throw new PredecessorNotApplied(after);
    const prepared = new Map<string, PreparedMutation>();
    const reads = new Map<string, RowKey>();
    for (const m of mutations) {
      if (known.has(m.id) || prepared.has(m.id)) continue;
      const p = prepareMutation(m.kind, m.args, m.staffId);
      prepared.set(m.id, p);
      for (const key of p.reads) reads.set(rowKey(key.table, key.id), key);
    }
    const overlay = await tx.loadRows([...reads.values()]);
    const state: ReadState = {
      get: <T extends TableName>(table: T, id: string) => overlay.get(rowKey(table, id)) as SyncedTables[T] | undefined,
    };

    const results: MutationResult[] = [];
    const writes: RowChange[] = [];
    const records: AppliedRecord[] = [];
    for (const m of mutations) {
      const stored = known.get(m.id);
      if (stored) {
        results.push(stored);
        continue;
      }
      const decision = decideMutation(prepared.get(m.id)!, state, {
        mutationId: m.id,
        centreId: ctx.centreId,
        staffId: m.staffId,
        deviceId: ctx.deviceId,
        now: m.createdAt,
      });
      let result: MutationResult;
      if (decision.ok) {
        for (const change of decision.changes) {
          overlay.set(rowKey(change.table, change.row.id), change.row as AnyRow);
          writes.push(change);
        }
        result = { id: m.id, status: 'applied' };
      } else {
        result = decision.detail === undefined
          ? { id: m.id, status: 'refused', code: decision.code }
          : { id: m.id, status: 'refused', code: decision.code, detail: decision.detail };
      }
      // A mutation repeated within one batch is still applied once.
      known.set(m.id, result);
      results.push(result);
      records.push({ id: m.id, deviceId: ctx.deviceId, kind: m.kind, result });
    }
    await tx.writeRows(writes, ctx.deviceId);
    await tx.recordResults(records, ctx.appliedAt);
    return results;
  });
}
