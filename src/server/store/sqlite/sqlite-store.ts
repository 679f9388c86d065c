import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AnyRow, Centre, SyncedTables, TableName } from '../../../shared/domain/entities';
import { closedAt } from '../../../shared/domain/history-scope';
import type { MutationResult } from '../../../shared/protocol/messages';
import { MIGRATIONS } from '../../migrations/migrations';
import { FeedPageBuilder, type ScannedRow } from '../feed-page';
import { HistoryPageBuilder, type ScannedHistoryRow } from '../history-page';
import { idsByTable, lastWriteOfEachRow } from '../rows';
import { SerialQueue } from '../serial';
import { prepareDataDir, unopenable } from './data-dir';
import { storageUnavailable, TransactionLost } from '../storage-errors';
import { rowKey, type CentreTx, type Device, type DeviceSyncReport, type FeedPage, type HistoryPage, type HistoryQuery, type NewDevice, type NewEnrolCode, type PullScope, type RedeemOutcome, type Store } from '../store';
import { prepareStatements, type Statements } from './statements';
import { toDevice, type DeviceRecord } from '../device-record';
import { toCentre, type CentreRecord } from '../centre-record';
import { resultOf, storedResult } from './stored-result';
import { SqliteCountyStore } from './sqlite-county-store';
import { SqlitePackStore } from '../../packs/sqlite-pack-store';
import { SqliteVariantStore } from '../../variants/sqlite-variant-store';

interface StaffKeyRecord {
  staff_id: string;
  key_id: string;
  secret: string;
  created_at: string;
}

/** The default store: one SQLite file `<dataDir>/cunzhan.db`. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly county: SqliteCountyStore;
  readonly packs: SqlitePackStore;
  readonly variants: SqliteVariantStore;
  private readonly db: Database.Database;
  private readonly queue = new SerialQueue();
  private statements: Statements | undefined;
  /** Names nested savepoints apart. */
  private savepoints = 0;

  constructor(dataDir: string) {
    prepareDataDir(dataDir);
    const file = join(dataDir, 'cunzhan.db');
    let db: Database.Database | undefined;
    try {
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      // FULL: a push the server answered "applied" survives a power cut.
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    } catch (error) {
      db?.close();
      throw unopenable(dataDir, file, error);
    }
    this.db = db;
    this.county = new SqliteCountyStore(db, this.queue);
    this.packs = new SqlitePackStore(db, this.queue);
    this.variants = new SqliteVariantStore(db, this.queue);
  }

  /** Runs a PRAGMA on the store's own connection, where some (max_page_count) hold; for maintenance and tests. */
  pragma(source: string): unknown {
    return this.db.pragma(source, { simple: true });
  }

  /** Statements are prepared after migrations, when their tables exist. */
  private get sql(): Statements {
    this.statements ??= prepareStatements(this.db);
    return this.statements;
  }

  migrate(): Promise<void> {
    return this.queue.run(() => {
      this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const done = new Set(
        (this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
      );
      for (const migration of MIGRATIONS) {
        if (done.has(migration.version)) continue;
        this.db.transaction(() => {
          this.db.exec(migration.sqlite);
          this.db
            .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
            .run(migration.version, migration.name, new Date().toISOString());
        })();
      }
    });
  }

  close(): Promise<void> {
    return this.queue.run(() => {
      if (this.db.open) this.db.close();
    });
  }

  createCentre(centre: Centre): Promise<void> {
    return this.queue.run(() => {
      this.sql.insertCentre.run(centre.id, JSON.stringify(centre.name), centre.createdAt, centre.updatedAt);
    });
  }

  getCentre(id: string): Promise<Centre | undefined> {
    return this.queue.run(() => {
      const r = this.sql.getCentre.get(id) as CentreRecord | undefined;
      return r && toCentre(r);
    });
  }

  listCentres(): Promise<Centre[]> {
    return this.queue.run(() => (this.sql.listCentres.all() as CentreRecord[]).map(toCentre));
  }

  redeemEnrolCode(codeHash: string, now: string, device: NewDevice): Promise<RedeemOutcome> {
    return this.queue.run(() =>
      this.db.transaction((): RedeemOutcome => {
        const code = this.sql.getEnrolCode.get(codeHash) as
          | { centre_id: string; expires_at: string; used_at: string | null; used_by_device: string | null }
          | undefined;
        if (!code) return { ok: false, reason: 'invalid' };
        const holder = this.sql.deviceByTokenHash.get(device.tokenHash) as
          | { id: string; device_no: number; revoked_at: string | null }
          | undefined;
        const centre = () => toCentre(this.sql.getCentre.get(code.centre_id) as CentreRecord);
        if (code.used_at !== null) {
          // The same secret asking again: its answer was lost, the device stands.
          if (holder && holder.id === code.used_by_device && holder.revoked_at === null) {
            return { ok: true, centre: centre(), deviceId: holder.id, deviceNo: holder.device_no, repeat: true };
          }
          return { ok: false, reason: 'used' };
        }
        if (code.expires_at <= now) return { ok: false, reason: 'expired' };
        if (holder) return { ok: false, reason: 'secretTaken' };
        // The immediate transaction holds the write lock: no other enrolment can take this number.
        const { last_device_no: deviceNo } = this.sql.nextDeviceNo.get(code.centre_id) as { last_device_no: number };
        this.sql.insertDevice.run(device.id, code.centre_id, deviceNo, device.name, device.tokenHash, device.enrolledAt);
        this.sql.useEnrolCode.run(now, device.id, codeHash);
        return { ok: true, centre: centre(), deviceId: device.id, deviceNo, repeat: false };
      }).immediate(),
    );
  }

  createEnrolCode(code: NewEnrolCode): Promise<void> {
    return this.queue.run(() => {
      this.sql.insertEnrolCode.run(code.codeHash, code.centreId, code.createdAt, code.expiresAt);
    });
  }

  usableEnrolCodeUntil(centreId: string, now: string): Promise<string | undefined> {
    return this.queue.run(() => {
      const r = this.sql.usableEnrolCode.get(centreId, now) as { until: string | null };
      return r.until ?? undefined;
    });
  }

  findActiveDevice(tokenHash: string): Promise<Device | undefined> {
    return this.queue.run(() => {
      const r = this.sql.findActiveDevice.get(tokenHash) as DeviceRecord | undefined;
      return r && toDevice(r);
    });
  }

  findDeviceByToken(tokenHash: string): Promise<Device | undefined> {
    return this.queue.run(() => {
      const r = this.sql.deviceByToken.get(tokenHash) as DeviceRecord | undefined;
      return r && toDevice(r);
    });
  }

  getDevice(id: string): Promise<Device | undefined> {
    return this.queue.run(() => {
      const r = this.sql.getDevice.get(id) as DeviceRecord | undefined;
      return r && toDevice(r);
    });
  }

  recordDeviceSync(id: string, report: DeviceSyncReport): Promise<void> {
    return this.queue.run(() => {
      this.sql.recordDeviceSync.run(report.at, report.appVersion ?? null, report.pendingCount ?? null, id);
    });
  }

  listDevices(centreId?: string): Promise<Device[]> {
    return this.queue.run(() => {
      const rows = centreId === undefined ? this.sql.listDevices.all() : this.sql.listCentreDevices.all(centreId);
      return (rows as DeviceRecord[]).map(toDevice);
    });
  }

  revokeDevice(id: string, at: string): Promise<boolean> {
    // Matched rows count as changed even when already revoked: true means the device exists.
    return this.queue.run(() => this.sql.revokeDevice.run(at, id).changes > 0);
  }

  inCentreTx<T>(centreId: string, work: (tx: CentreTx) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      // IMMEDIATE takes the write lock at once, so reads below are the ones we commit against.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.centreTx(centreId));
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  private centreTx(centreId: string): CentreTx {
    const sql = this.sql;
    return {
      appliedResults: async (ids) => {
        const found = new Map<string, MutationResult>();
        if (ids.length === 0) return found;
        for (const r of sql.getApplied.all(centreId, JSON.stringify(ids)) as { id: string; result: string }[]) {
          found.set(r.id, resultOf(r.id, r.result));
        }
        return found;
      },
      loadRows: async (keys) => {
        const found = new Map<string, AnyRow>();
        for (const [table, ids] of idsByTable(keys)) {
          for (const r of sql.getRows.all(centreId, table, JSON.stringify(ids)) as { id: string; data: string }[]) {
            found.set(rowKey(table, r.id), JSON.parse(r.data) as AnyRow);
          }
        }
        return found;
      },
      writeRows: async (changes, origin) => {
        const latest = lastWriteOfEachRow(changes);
        if (latest.length === 0) return;
        const { last_seq: last } = sql.bumpSeq.get(latest.length, centreId) as { last_seq: number };
        let seq = last - latest.length;
        const receivedAt = new Date().toISOString();
        const values: unknown[] = [];
        for (const { table, row } of latest) {
          values.push(centreId, table, row.id, ++seq, JSON.stringify(row), origin ?? null, receivedAt, closedAt(table, row));
        }
        sql.upsertRows.run(values);
      },
      recordResults: async (records, appliedAt) => {
        const values: unknown[] = [];
        for (const r of records) values.push(centreId, r.id, r.deviceId, r.kind, storedResult(r.result), appliedAt);
        sql.insertApplied.run(values);
      },
      loadTable: async (table) => (sql.tableRows.all(centreId, table) as { data: string }[]).map((r) => JSON.parse(r.data) as never),
      staffKeys: async (staffIds) => {
        if (staffIds.length === 0) return [];
        const rows = sql.staffKeys.all(centreId, JSON.stringify(staffIds)) as StaffKeyRecord[];
        return rows.map((r) => ({ staffId: r.staff_id, keyId: r.key_id, secret: r.secret, createdAt: r.created_at }));
      },
      addStaffKeys: async (keys) => {
        for (const k of keys) sql.insertStaffKey.run(centreId, k.staffId, k.keyId, k.secret, k.createdAt);
      },
      recordDeviceSync: async (deviceId, report) => {
        sql.recordDeviceSync.run(report.at, report.appVersion ?? null, report.pendingCount ?? null, deviceId);
      },
      savepoint: async (work) => {
        const name = `sp${++this.savepoints}`;
        this.db.exec(`SAVEPOINT ${name}`);
        try {
          const result = await work();
          this.db.exec(`RELEASE ${name}`);
          return result;
        } catch (error) {
          // SQLITE_FULL, IOERR and the like may roll the whole transaction back themselves.
          if (!this.db.inTransaction) throw storageUnavailable(error) ?? new TransactionLost({ cause: error });
          this.db.exec(`ROLLBACK TO ${name}`);
          this.db.exec(`RELEASE ${name}`);
          throw error;
        }
      },
    };
  }

  pull(centreId: string, after: number, limit: number, device?: string, scope: PullScope = {}): Promise<FeedPage> {
    return this.queue.run(() => {
      const page = new FeedPageBuilder(after, limit);
      const horizon = scope.closedBefore ?? null;
      const hidden = `,${(scope.hiddenTables ?? []).join(',')},`;
      const params = [device ?? null, horizon, hidden, scope.closedUpTo ?? null, horizon, centreId, after, FeedPageBuilder.scanLimit(limit) + 1];
      // Row by row: a page ends at its byte bound without reading the rows after it.
      for (const row of this.sql.pull.iterate(...params) as IterableIterator<ScannedRow>) {
        if (!page.add(row)) break;
      }
      return page.page();
    });
  }

  closedHistory(centreId: string, query: HistoryQuery): Promise<HistoryPage> {
    return this.queue.run(() => {
      const page = new HistoryPageBuilder(query.limit);
      const horizon = query.closedBefore ?? '';
      const rows =
        query.after === undefined
          ? this.sql.closedHistory.iterate(centreId, query.upTo, horizon)
          : this.sql.closedHistoryAfter.iterate(centreId, query.after, query.upTo, horizon);
      // Row by row: reading stops at the first row the page leaves out.
      for (const row of rows as IterableIterator<ScannedHistoryRow>) {
        if (!page.add(row)) break;
      }
      return page.page();
    });
  }

  readRow<T extends TableName>(centreId: string, table: T, id: string): Promise<SyncedTables[T] | undefined> {
    return this.queue.run(() => {
      const found = this.sql.getRow.get(centreId, table, id) as { data: string } | undefined;
      return found ? (JSON.parse(found.data) as SyncedTables[T]) : undefined;
    });
  }

  lastSeq(centreId: string): Promise<number> {
    return this.queue.run(() => {
      const r = this.sql.lastSeq.get(centreId) as { last_seq: number } | undefined;
      return r?.last_seq ?? 0;
    });
  }
}
