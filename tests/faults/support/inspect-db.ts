import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { MutationResult } from '../../../src/shared/protocol/messages';
import type { DataLocation } from '../../support/server-process';

export type { DataLocation };

export interface StoredRow {
  tbl: string;
  id: string;
  seq: number;
  origin: string | null;
  data: Record<string, unknown>;
}

export interface AppliedMutation {
  id: string;
  deviceId: string;
  kind: string;
  result: MutationResult;
}

/**
 * Reads what a server stored, straight from its database and beside it (a
 * second connection), so checks do not trust the code under test to report
 * on itself.
 */
export interface DbInspector {
  rows(centreId?: string): Promise<StoredRow[]>;
  applied(centreId?: string): Promise<AppliedMutation[]>;
  count(table: 'centres' | 'devices' | 'enrol_codes' | 'applied_mutations' | 'rows'): Promise<number>;
  /** Every row of a table as the driver reads it. */
  table(table: 'centres' | 'devices' | 'enrol_codes' | 'rows'): Promise<Record<string, unknown>[]>;
  /** Every row of a table as sorted JSON lines, for before/after comparisons. */
  snapshot(table: 'centres' | 'devices' | 'enrol_codes' | 'rows'): Promise<string[]>;
  /** SQLite: PRAGMA integrity_check; PostgreSQL: always 'ok' (it has no such check). */
  integrity(): Promise<string>;
  close(): Promise<void>;
}

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

function parsed<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function inspector(query: Query, integrity: () => Promise<string>, close: () => Promise<void>, p: (n: number) => string): DbInspector {
  const byCentre = (centreId: string | undefined, n: number) => (centreId ? ` WHERE centre_id = ${p(n)}` : '');
  return {
    async rows(centreId) {
      const found = await query(`SELECT tbl, id, seq, origin, data FROM rows${byCentre(centreId, 1)} ORDER BY seq`, centreId ? [centreId] : []);
      return found.map((r) => ({
        tbl: String(r.tbl),
        id: String(r.id),
        seq: Number(r.seq),
        origin: r.origin === null ? null : String(r.origin),
        data: parsed<Record<string, unknown>>(r.data),
      }));
    },
    async applied(centreId) {
      const found = await query(`SELECT id, device_id, kind, result FROM applied_mutations${byCentre(centreId, 1)}`, centreId ? [centreId] : []);
      return found.map((r) => ({ id: String(r.id), deviceId: String(r.device_id), kind: String(r.kind), result: parsed<MutationResult>(r.result) }));
    },
    async count(table) {
      const [row] = await query(`SELECT COUNT(*) AS n FROM ${table}`);
      return Number(row?.n ?? 0);
    },
    table: (table) => query(`SELECT * FROM ${table}`),
    async snapshot(table) {
      const found = await query(`SELECT * FROM ${table}`);
      // What a tablet reports of itself on each sync is recorded by design, not data a request changed.
      const reported = new Set(table === 'devices' ? ['last_sync_at', 'app_version', 'pending_count'] : []);
      return found
        .map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !reported.has(k)).sort(([a], [b]) => a.localeCompare(b))))
        .sort();
    },
    integrity,
    close,
  };
}

export async function inspectDb(location: DataLocation): Promise<DbInspector> {
  if (location.databaseUrl) {
    const client = new pg.Client({ connectionString: location.databaseUrl });
    await client.connect();
    const query: Query = async (sql, params = []) => (await client.query(sql, params)).rows as Record<string, unknown>[];
    return inspector(query, () => Promise.resolve('ok'), () => client.end(), (n) => `$${n}`);
  }
  const db = new Database(join(location.dataDir, 'cunzhan.db'), { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const query: Query = (sql, params = []) => Promise.resolve(db.prepare(sql).all(...params) as Record<string, unknown>[]);
  const integrity = () => Promise.resolve(String(db.pragma('integrity_check', { simple: true })));
  const close = () => {
    db.close();
    return Promise.resolve();
  };
  return inspector(query, integrity, close, () => '?');
}
