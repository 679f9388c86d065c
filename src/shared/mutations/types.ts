import type * as v from 'valibot';
import type { AnyRow, SyncedTables, TableName } from '../domain/entities';
import type { RefusalCode } from '../domain/refusals';
import type { MutationKind } from './kinds';

/** Who, where and when: the same on the tablet and on the server. */
export interface MutationContext {
  mutationId: string;
  centreId: string;
  staffId: string;
  deviceId: string;
  /** The mutation's createdAt (UTC ISO): rows get the same times on both sides. */
  now: string;
}

/** Who made a mutation and when (its createdAt): known before any row is read. */
export interface Author {
  staffId: string;
  now: string;
}

export interface RowKey {
  table: TableName;
  id: string;
}

/** The rows a mutation asked for (its `reads`), already loaded by the caller. */
export interface ReadState {
  get<T extends TableName>(table: T, id: string): SyncedTables[T] | undefined;
  /**
   * Every row of the centre in a table a kind names in `readsAll` (staff:
   * whether an admin would be the last). A reader that cannot give it leaves
   * it out, and the rule that needs it is then the server's alone.
   */
  all?<T extends TableName>(table: T): SyncedTables[T][];
}

export interface RowChange {
  table: TableName;
  row: AnyRow;
}

export type Decision =
  | { ok: true; changes: RowChange[] }
  | { ok: false; code: RefusalCode; detail?: string };

/**
 * A mutation: its argument schema, the rows it needs, and a pure decide
 * function run optimistically on the tablet and authoritatively on the server.
 */
export interface MutationDef<A> {
  kind: MutationKind;
  schema: v.GenericSchema<unknown, A>;
  /** Tried before `schema`, which is costly per mutation: yes only for args it keeps unchanged. */
  accepts?: (args: unknown) => args is A;
  /** `who` made it and when: some rows are named by them (a staff member's till for the day). */
  reads(args: A, who: Author): RowKey[];
  /**
   * Rows named by the rows `reads` found (a parcel's order, its villager),
   * loaded after them. The server also loads, and decides again, when a
   * mutation asks for a row an earlier one of its batch pointed it to.
   */
  readsAfter?(args: A, state: ReadState): RowKey[];
  /** Tables whose every row of the centre this kind reads (see ReadState.all); few rows only. */
  readsAll?: readonly TableName[];
  decide(args: A, state: ReadState, ctx: MutationContext): Decision;
}

export function refuse(code: RefusalCode, detail?: string): Decision {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}
