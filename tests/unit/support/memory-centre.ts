import type { AnyRow, Role, Staff, SyncedTables, TableName } from '../../../src/shared/domain/entities';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { decideMutation, followReads, prepareMutation } from '../../../src/shared/mutations/registry';
import type { Decision, ReadState } from '../../../src/shared/mutations/types';

/**
 * One centre's rows in memory, and mutations run on them through the shared
 * registry as the server runs them (reads, then followReads, then decide):
 * for unit tests of the rules, with no store and no signatures.
 */
export class MemoryCentre {
  readonly centreId = uuidv7();
  readonly rows = new Map<string, AnyRow>();
  readonly staff: Record<Role, Staff>;
  readonly deviceId = uuidv7();
  private clock = Date.parse('2026-06-01T08:00:00.000Z');

  constructor() {
    const person = (role: Role): Staff => {
      const id = uuidv7();
      const at = new Date(this.clock).toISOString();
      return { id, centreId: this.centreId, name: role, role, active: true, createdAt: at, updatedAt: at, createdBy: id };
    };
    this.staff = { admin: person('admin'), clerk: person('clerk'), trainer: person('trainer') };
    for (const s of Object.values(this.staff)) this.put('staff', s);
  }

  put<T extends TableName>(table: T, row: SyncedTables[T]): void {
    this.rows.set(`${table}/${row.id}`, row);
  }

  get<T extends TableName>(table: T, id: string): SyncedTables[T] | undefined {
    return this.rows.get(`${table}/${id}`) as SyncedTables[T] | undefined;
  }

  all<T extends TableName>(table: T): SyncedTables[T][] {
    return [...this.rows].filter(([key]) => key.startsWith(`${table}/`)).map(([, row]) => row as SyncedTables[T]);
  }

  /** Runs one mutation by `role` (the clerk unless named); its changes are written when it applies. */
  run(kind: string, args: unknown, options: { role?: Role; mutationId?: string; deviceId?: string } = {}): Decision {
    const by = this.staff[options.role ?? 'clerk'];
    this.clock += 60_000;
    const now = new Date(this.clock).toISOString();
    const prepared = prepareMutation(kind, args, by.id, now);
    // Only rows named by reads or followReads are visible, as on the server.
    const visible = new Set(prepared.reads.map((k) => `${k.table}/${k.id}`));
    const state: ReadState = {
      get: <T extends TableName>(table: T, id: string) => (visible.has(`${table}/${id}`) ? this.get(table, id) : undefined),
    };
    for (const k of followReads(prepared, state)) visible.add(`${k.table}/${k.id}`);
    const decision = decideMutation(prepared, state, {
      mutationId: options.mutationId ?? uuidv7(),
      centreId: this.centreId,
      staffId: by.id,
      deviceId: options.deviceId ?? this.deviceId,
      now,
    });
    if (decision.ok) for (const { table, row } of decision.changes) this.rows.set(`${table}/${row.id}`, row);
    return decision;
  }

  /** A copy of this centre's rows, to run other mutations on from the same starting point. */
  clone(): MemoryCentre {
    const copy = Object.create(MemoryCentre.prototype) as MemoryCentre;
    Object.assign(copy, this, { rows: new Map(this.rows) });
    return copy;
  }
}
