import pg from 'pg';
import type { AnyRow, Centre, SyncedTables, TableName } from '../../../shared/domain/entities';
import { closedAt } from '../../../shared/domain/history-scope';
import type { MutationResult } from '../../../shared/protocol/messages';
import { MIGRATIONS } from '../../migrations/migrations';
import { FeedPageBuilder, SCANNED_PER_LIMIT, type ScannedRow } from '../feed-page';
import { HistoryPageBuilder, type ScannedHistoryRow } from '../history-page';
import { lastWriteOfEachRow } from '../rows';
import { storageUnavailable, TransactionLost } from '../storage-errors';
import { OWN_ROWS_OMITTED, rowKey, type CentreTx, type Device, type DeviceSyncReport, type FeedPage, type HistoryPage, type HistoryQuery, type NewDevice, type NewEnrolCode, type PullScope, type RedeemOutcome, type Store } from '../store';
import { toDevice, type DeviceRecord } from '../device-record';
import { CENTRE_COLUMNS, toCentre, type CentreRecord } from '../centre-record';
import { PostgresCountyStore } from './postgres-county-store';
import { PostgresPackStore } from '../../packs/postgres-pack-store';
import { PostgresVariantStore } from '../../variants/postgres-variant-store';

// Any constant works: it only keeps two starting servers from migrating at once.
const MIGRATION_LOCK = 7_236_001;
/** Feed rows read per query while building a pull page. */
const PULL_CHUNK_ROWS = 64;
/** The expression and terms of the rows_closed_by_villager index (migration 10), as it has them. */
const VILLAGER_KEY = `(COALESCE(data->>'customerId', '') COLLATE "C")`;
const CLOSED_HISTORY_TERMS = `closed_at IS NOT NULL AND tbl IN ('orders', 'parcels')`;

/** PostgreSQL store (`DATABASE_URL`). Stateless: many servers may share one database. */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;
  readonly county: PostgresCountyStore;
  readonly packs: PostgresPackStore;
  readonly variants: PostgresVariantStore;

  constructor(databaseUrl: string, poolSize = 10) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', () => undefined);
    this.county = new PostgresCountyStore(this.pool);
    this.packs = new PostgresPackStore(this.pool);
    this.variants = new PostgresVariantStore(this.pool);
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  async createCentre(centre: Centre): Promise<void> {
    await this.pool.query('INSERT INTO centres (id, names, last_seq, created_at, updated_at) VALUES ($1, $2, 0, $3, $4)', [
      centre.id,
      JSON.stringify(centre.name),
      centre.createdAt,
      centre.updatedAt,
    ]);
  }

  async getCentre(id: string): Promise<Centre | undefined> {
    const { rows } = await this.pool.query<CentreRecord>(`SELECT ${CENTRE_COLUMNS} FROM centres WHERE id = $1`, [id]);
    return rows[0] && toCentre(rows[0]);
  }

  async listCentres(): Promise<Centre[]> {
    const { rows } = await this.pool.query<CentreRecord>(`SELECT ${CENTRE_COLUMNS} FROM centres ORDER BY created_at, id`);
    return rows.map(toCentre);
  }

  redeemEnrolCode(codeHash: string, now: string, device: NewDevice): Promise<RedeemOutcome> {
    return this.transaction(async (client): Promise<RedeemOutcome> => {
      // FOR UPDATE: two tablets racing with one code cannot both win.
      const { rows } = await client.query<{ centre_id: string; expires_at: string; used_at: string | null; used_by_device: string | null }>(
        'SELECT centre_id, expires_at, used_at, used_by_device FROM enrol_codes WHERE code_hash = $1 FOR UPDATE',
        [codeHash],
      );
      const code = rows[0];
      if (!code) return { ok: false, reason: 'invalid' };
      const held = await client.query<{ id: string; device_no: number; revoked_at: string | null }>(
        'SELECT id, device_no, revoked_at FROM devices WHERE token_hash = $1',
        [device.tokenHash],
      );
      const holder = held.rows[0];
      const centreOf = async () =>
        toCentre((await client.query<CentreRecord>(`SELECT ${CENTRE_COLUMNS} FROM centres WHERE id = $1`, [code.centre_id])).rows[0]!);
      if (code.used_at !== null) {
        // The same secret asking again: its answer was lost, the device stands.
        if (holder && holder.id === code.used_by_device && holder.revoked_at === null) {
          return { ok: true, centre: await centreOf(), deviceId: holder.id, deviceNo: holder.device_no, repeat: true };
        }
        return { ok: false, reason: 'used' };
      }
      if (code.expires_at <= now) return { ok: false, reason: 'expired' };
      if (holder) return { ok: false, reason: 'secretTaken' };
      // The centre row stays locked until commit: concurrent enrolments take numbers one after another.
      const numbered = await client.query<{ last_device_no: number }>(
        'UPDATE centres SET last_device_no = last_device_no + 1 WHERE id = $1 RETURNING last_device_no',
        [code.centre_id],
      );
      const deviceNo = numbered.rows[0]!.last_device_no;
      await client.query(
        'INSERT INTO devices (id, centre_id, device_no, name, token_hash, enrolled_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6, NULL)',
        [device.id, code.centre_id, deviceNo, device.name, device.tokenHash, device.enrolledAt],
      );
      await client.query('UPDATE enrol_codes SET used_at = $1, used_by_device = $2 WHERE code_hash = $3', [
        now,
        device.id,
        codeHash,
      ]);
      return { ok: true, centre: await centreOf(), deviceId: device.id, deviceNo, repeat: false };
    });
  }

  async createEnrolCode(code: NewEnrolCode): Promise<void> {
    await this.pool.query('INSERT INTO enrol_codes (code_hash, centre_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      code.codeHash,
      code.centreId,
      code.createdAt,
      code.expiresAt,
    ]);
  }

  async usableEnrolCodeUntil(centreId: string, now: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ until: string | null }>(
      'SELECT MAX(expires_at) AS until FROM enrol_codes WHERE centre_id = $1 AND used_at IS NULL AND expires_at > $2',
      [centreId, now],
    );
    return rows[0]?.until ?? undefined;
  }

  async findActiveDevice(tokenHash: string): Promise<Device | undefined> {
    const { rows } = await this.pool.query<DeviceRecord>(
      'SELECT * FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
      [tokenHash],
    );
    return rows[0] && toDevice(rows[0]);
  }

  async findDeviceByToken(tokenHash: string): Promise<Device | undefined> {
    const { rows } = await this.pool.query<DeviceRecord>('SELECT * FROM devices WHERE token_hash = $1', [tokenHash]);
    return rows[0] && toDevice(rows[0]);
  }

  async getDevice(id: string): Promise<Device | undefined> {
    const { rows } = await this.pool.query<DeviceRecord>('SELECT * FROM devices WHERE id = $1', [id]);
    return rows[0] && toDevice(rows[0]);
  }

  async recordDeviceSync(id: string, report: DeviceSyncReport): Promise<void> {
    await recordSync(this.pool, id, report);
  }

  async listDevices(centreId?: string): Promise<Device[]> {
    const { rows } =
      centreId === undefined
        ? await this.pool.query<DeviceRecord>('SELECT * FROM devices ORDER BY enrolled_at, id')
        : await this.pool.query<DeviceRecord>('SELECT * FROM devices WHERE centre_id = $1 ORDER BY enrolled_at, id', [centreId]);
    return rows.map(toDevice);
  }

  async revokeDevice(id: string, at: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2', [at, id]);
    return (rowCount ?? 0) > 0;
  }

  inCentreTx<T>(centreId: string, work: (tx: CentreTx) => Promise<T>): Promise<T> {
    return this.transaction(async (client) => {
      // S3: the centre row lock serialises this centre's writers until commit, so seq
      // values commit in order and a reader never sees seq n+1 before seq n.
      await client.query('SELECT last_seq FROM centres WHERE id = $1 FOR UPDATE', [centreId]);
      return work(centreTx(client, centreId));
    });
  }

  async pull(centreId: string, after: number, limit: number, device?: string, scope: PullScope = {}): Promise<FeedPage> {
    const page = new FeedPageBuilder(after, limit);
    // In small chunks, so a page of the largest rows never has the server hold many of them;
    // larger while every row read was left out (no data), as a tablet passes over its own rows.
    let chunkRows = PULL_CHUNK_ROWS;
    for (let from = after; ; ) {
      const chunk = page.nextChunk(chunkRows);
      // A device's own insert-only rows, rows closed before the horizon, tables the tablet
      // does not know and the closed history it already fetched are scanned (the cursor
      // passes them) but their data is not sent.
      const { rows } = await this.pool.query<ScannedRow>(
        `SELECT tbl, seq,
           CASE WHEN (origin = $4::text AND tbl = ANY($5::text[])) OR closed_at < $6::text OR tbl = ANY($7::text[])
               OR (seq <= $8::bigint AND ${CLOSED_HISTORY_TERMS})
             THEN NULL ELSE data::text END AS data,
           closed_at < $6::text AS older
         FROM rows WHERE centre_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
        [
          centreId,
          from,
          chunk,
          device ?? null,
          OWN_ROWS_OMITTED,
          scope.closedBefore ?? null,
          scope.hiddenTables ?? [],
          scope.closedUpTo ?? null,
        ],
      );
      for (const row of rows) if (!page.add(row)) return page.page();
      if (rows.length < chunk) return page.page();
      from = Number(rows.at(-1)!.seq);
      chunkRows = rows.every((row) => row.data === null) ? Math.min(chunkRows * 2, PULL_CHUNK_ROWS * SCANNED_PER_LIMIT) : PULL_CHUNK_ROWS;
    }
  }

  async closedHistory(centreId: string, query: HistoryQuery): Promise<HistoryPage> {
    const page = new HistoryPageBuilder(query.limit);
    // The first chunk starts after a villager (or at the first); the next ones after the last row read.
    let from: { villager: string; seq: string | number } | undefined;
    for (;;) {
      const chunk = page.nextChunk(PULL_CHUNK_ROWS);
      const params: unknown[] = [centreId, query.upTo, query.closedBefore ?? '', chunk];
      let start = '';
      if (from) {
        params.push(from.villager, from.seq);
        start = `AND (${VILLAGER_KEY}, seq) > ($5::text, $6::bigint)`;
      } else if (query.after !== undefined) {
        params.push(query.after);
        start = `AND ${VILLAGER_KEY} > $5::text`;
      }
      const { rows } = await this.pool.query<ScannedHistoryRow>(
        `SELECT tbl, seq, data::text AS data, ${VILLAGER_KEY} AS villager FROM rows
         WHERE centre_id = $1 AND ${CLOSED_HISTORY_TERMS} ${start} AND seq <= $2 AND closed_at >= $3::text
         ORDER BY ${VILLAGER_KEY}, seq LIMIT $4`,
        params,
      );
      for (const row of rows) if (!page.add(row)) return page.page();
      if (rows.length < chunk) return page.page();
      from = rows.at(-1)!;
    }
  }

  async readRow<T extends TableName>(centreId: string, table: T, id: string): Promise<SyncedTables[T] | undefined> {
    const { rows } = await this.pool.query<{ data: SyncedTables[T] }>('SELECT data FROM rows WHERE centre_id = $1 AND tbl = $2 AND id = $3', [
      centreId,
      table,
      id,
    ]);
    return rows[0]?.data;
  }

  async lastSeq(centreId: string): Promise<number> {
    const { rows } = await this.pool.query<{ last_seq: string }>('SELECT last_seq FROM centres WHERE id = $1', [centreId]);
    return rows[0] ? Number(rows[0].last_seq) : 0;
  }
}

/** A report without a field keeps what was recorded before. */
async function recordSync(db: pg.Pool | pg.PoolClient, id: string, report: DeviceSyncReport): Promise<void> {
  await db.query(
    'UPDATE devices SET last_sync_at = $1, app_version = COALESCE($2, app_version), pending_count = COALESCE($3, pending_count) WHERE id = $4',
    [report.at, report.appVersion ?? null, report.pendingCount ?? null, id],
  );
}

/** Set-based statements: one round trip per step, whatever the batch size. */
function centreTx(client: pg.PoolClient, centreId: string): CentreTx {
  let savepoints = 0;
  return {
    async appliedResults(ids) {
      const found = new Map<string, MutationResult>();
      if (ids.length === 0) return found;
      const { rows } = await client.query<{ id: string; result: MutationResult }>(
        'SELECT id, result FROM applied_mutations WHERE centre_id = $1 AND id = ANY($2::text[])',
        [centreId, ids],
      );
      for (const r of rows) found.set(r.id, r.result);
      return found;
    },
    async loadRows(keys) {
      const found = new Map<string, AnyRow>();
      if (keys.length === 0) return found;
      // Both lists in the index condition: one index scan, never a join the planner might hash.
      // It may also find an id asked for in another table: a real row, harmless in the overlay.
      const { rows } = await client.query<{ tbl: TableName; id: string; data: AnyRow }>(
        'SELECT tbl, id, data FROM rows WHERE centre_id = $1 AND tbl = ANY($2::text[]) AND id = ANY($3::text[])',
        [centreId, [...new Set(keys.map((k) => k.table))], keys.map((k) => k.id)],
      );
      for (const r of rows) found.set(rowKey(r.tbl, r.id), r.data);
      return found;
    },
    async writeRows(changes, origin) {
      const latest = lastWriteOfEachRow(changes);
      if (latest.length === 0) return;
      // Rows travel as one JSON text of [table, id, row] triples: a text[] of JSON
      // would be escaped by the driver and unescaped by the server, which cost
      // more than the insert itself. The seq block is taken in the same statement.
      const triples = latest.map(
        (c) => `[${JSON.stringify(c.table)},${JSON.stringify(c.row.id)},${JSON.stringify(c.row)},${JSON.stringify(closedAt(c.table, c.row))}]`,
      );
      const written = await client.query(
        `WITH bumped AS (UPDATE centres SET last_seq = last_seq + $3 WHERE id = $1 RETURNING last_seq)
         INSERT INTO rows (centre_id, tbl, id, seq, data, origin, received_at, closed_at)
         SELECT $1, e.value->>0, e.value->>1, bumped.last_seq - $3 + e.n, (e.value->2)::jsonb, $4::text, $5::text, e.value->>3
         FROM bumped, json_array_elements($2::json) WITH ORDINALITY AS e(value, n)
         ON CONFLICT (centre_id, tbl, id)
         DO UPDATE SET seq = excluded.seq, data = excluded.data, origin = excluded.origin,
           received_at = excluded.received_at, closed_at = excluded.closed_at`,
        [centreId, `[${triples.join(',')}]`, latest.length, origin ?? null, new Date().toISOString()],
      );
      // No centre row means no seqs and no rows: fail rather than drop them silently.
      if (written.rowCount !== latest.length) throw new Error(`centre ${centreId} does not exist`);
    },
    async recordResults(records, appliedAt) {
      if (records.length === 0) return;
      const rows = records.map((r) => JSON.stringify([r.id, r.deviceId, r.kind, r.result]));
      await client.query(
        `INSERT INTO applied_mutations (centre_id, id, device_id, kind, result, applied_at)
         SELECT $1, e.value->>0, e.value->>1, e.value->>2, (e.value->3)::jsonb, $3
         FROM json_array_elements($2::json) AS e`,
        [centreId, `[${rows.join(',')}]`, appliedAt],
      );
    },
    async loadTable(table) {
      const { rows } = await client.query<{ data: never }>('SELECT data FROM rows WHERE centre_id = $1 AND tbl = $2', [centreId, table]);
      return rows.map((r) => r.data);
    },
    async staffKeys(staffIds) {
      if (staffIds.length === 0) return [];
      const { rows } = await client.query<{ staff_id: string; key_id: string; secret: string; created_at: string }>(
        'SELECT staff_id, key_id, secret, created_at FROM staff_keys WHERE centre_id = $1 AND staff_id = ANY($2::text[])',
        [centreId, staffIds],
      );
      return rows.map((r) => ({ staffId: r.staff_id, keyId: r.key_id, secret: r.secret, createdAt: r.created_at }));
    },
    async addStaffKeys(keys) {
      for (const k of keys) {
        await client.query('INSERT INTO staff_keys (centre_id, staff_id, key_id, secret, created_at) VALUES ($1, $2, $3, $4, $5)', [
          centreId,
          k.staffId,
          k.keyId,
          k.secret,
          k.createdAt,
        ]);
      }
    },
    recordDeviceSync: (deviceId, report) => recordSync(client, deviceId, report),
    async savepoint(work) {
      const name = `sp${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await work();
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (error) {
        // After a failed statement PostgreSQL accepts nothing but a rollback: undo this part only.
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch((rollbackError: unknown) => {
          throw storageUnavailable(error) ?? storageUnavailable(rollbackError) ?? new TransactionLost({ cause: rollbackError });
        });
        await client.query(`RELEASE SAVEPOINT ${name}`);
        throw error;
      }
    },
  };
}
