import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AnyRow, Centre, TableName } from '../../../shared/domain/entities';
import type { MutationResult } from '../../../shared/protocol/messages';
import { MIGRATIONS } from '../../migrations/migrations';
import { feedPage } from '../feed-page';
import { idsByTable, lastWriteOfEachRow } from '../rows';
import { SerialQueue } from '../serial';
import { rowKey, type CentreTx, type Device, type FeedPage, type NewDevice, type NewEnrolCode, type RedeemOutcome, type Store } from '../store';
import { prepareStatements, type Statements } from './statements';
import { toDevice, type DeviceRecord } from '../device-record';
import { toCentre, type CentreRecord } from '../centre-record';
import { resultOf, storedResult } from './stored-result';

/** The default store: one SQLite file `<dataDir>/cunzhan.db`. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly queue = new SerialQueue();
  private statements: Statements | undefined;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'cunzhan.db'));
    this.db.pragma('journal_mode = WAL');
    // FULL: a push the server answered "applied" survives a power cut.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
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
          | { centre_id: string; expires_at: string; used_at: string | null }
          | undefined;
        if (!code) return { ok: false, reason: 'invalid' };
        if (code.used_at !== null) return { ok: false, reason: 'used' };
        if (code.expires_at <= now) return { ok: false, reason: 'expired' };
        const centre = this.sql.getCentre.get(code.centre_id) as CentreRecord;
        // The immediate transaction holds the write lock: no other enrolment can take this number.
        const { last_device_no: deviceNo } = this.sql.nextDeviceNo.get(code.centre_id) as { last_device_no: number };
        this.sql.insertDevice.run(device.id, code.centre_id, deviceNo, device.name, device.tokenHash, device.enrolledAt);
        this.sql.useEnrolCode.run(now, device.id, codeHash);
        return { ok: true, centre: toCentre(centre), deviceNo };
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
        const values: unknown[] = [];
        for (const { table, row } of latest) values.push(centreId, table, row.id, ++seq, JSON.stringify(row), origin ?? null);
        sql.upsertRows.run(values);
      },
      recordResults: async (records, appliedAt) => {
        const values: unknown[] = [];
        for (const r of records) values.push(centreId, r.id, r.deviceId, r.kind, storedResult(r.result), appliedAt);
        sql.insertApplied.run(values);
      },
    };
  }

  pull(centreId: string, after: number, limit: number, device?: string): Promise<FeedPage> {
    return this.queue.run(() => {
      const found = this.sql.pull.all(device ?? null, centreId, after, limit + 1) as { tbl: TableName; seq: number; data: string | null }[];
      return feedPage(found, after, limit);
    });
  }

  lastSeq(centreId: string): Promise<number> {
    return this.queue.run(() => {
      const r = this.sql.lastSeq.get(centreId) as { last_seq: number } | undefined;
      return r?.last_seq ?? 0;
    });
  }
}
