import type Database from 'better-sqlite3';
import type { Staff } from '../../../shared/domain/entities';
import {
  SESSION_COLUMNS,
  toCountyAdmin,
  toCountySession,
  toEnrolCode,
  type CountyAdmin,
  type CountyAdminRecord,
  type CountySessionRecord,
  type CountySessionRow,
  type CountySessionWithAdmin,
  type CountyStore,
  type EnrolCodeRecord,
  type EnrolCodeRow,
} from '../county-store';
import type { SerialQueue } from '../serial';

function prepare(db: Database.Database) {
  return {
    insertAdmin: db.prepare(
      'INSERT INTO county_admins (id, username, password_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (username) DO NOTHING',
    ),
    findAdmin: db.prepare('SELECT id, username, password_hash, created_at FROM county_admins WHERE username = ?'),
    insertSession: db.prepare('INSERT INTO county_sessions (id_hash, admin_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)'),
    findSession: db.prepare(
      `SELECT ${SESSION_COLUMNS} FROM county_sessions s JOIN county_admins a ON a.id = s.admin_id WHERE s.id_hash = ?`,
    ),
    touchSession: db.prepare('UPDATE county_sessions SET last_seen_at = ? WHERE id_hash = ?'),
    deleteSession: db.prepare('DELETE FROM county_sessions WHERE id_hash = ?'),
    pruneSessions: db.prepare('DELETE FROM county_sessions WHERE last_seen_at < ? OR created_at < ?'),
    listCodes: db.prepare(
      'SELECT created_at, expires_at, used_at, used_by_device FROM enrol_codes WHERE centre_id = ? ORDER BY created_at DESC LIMIT ?',
    ),
    centreStaff: db.prepare("SELECT data FROM rows WHERE centre_id = ? AND tbl = 'staff' ORDER BY id"),
  };
}

/** The county admin area's reads and writes, on the SQLite store's one connection and queue. */
export class SqliteCountyStore implements CountyStore {
  private statements: ReturnType<typeof prepare> | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly queue: SerialQueue,
  ) {}

  /** Prepared on first use, after migrations made the tables. */
  private get sql() {
    this.statements ??= prepare(this.db);
    return this.statements;
  }

  createAdmin(admin: CountyAdmin): Promise<boolean> {
    return this.queue.run(() => this.sql.insertAdmin.run(admin.id, admin.username, admin.passwordHash, admin.createdAt).changes > 0);
  }

  findAdmin(username: string): Promise<CountyAdmin | undefined> {
    return this.queue.run(() => {
      const r = this.sql.findAdmin.get(username) as CountyAdminRecord | undefined;
      return r && toCountyAdmin(r);
    });
  }

  createSession(s: CountySessionRecord): Promise<void> {
    return this.queue.run(() => {
      this.sql.insertSession.run(s.idHash, s.adminId, s.createdAt, s.lastSeenAt);
    });
  }

  findSession(idHash: string): Promise<CountySessionWithAdmin | undefined> {
    return this.queue.run(() => {
      const r = this.sql.findSession.get(idHash) as CountySessionRow | undefined;
      return r && toCountySession(r);
    });
  }

  touchSession(idHash: string, lastSeenAt: string): Promise<void> {
    return this.queue.run(() => {
      this.sql.touchSession.run(lastSeenAt, idHash);
    });
  }

  deleteSession(idHash: string): Promise<void> {
    return this.queue.run(() => {
      this.sql.deleteSession.run(idHash);
    });
  }

  pruneSessions(idleBefore: string, createdBefore: string): Promise<void> {
    return this.queue.run(() => {
      this.sql.pruneSessions.run(idleBefore, createdBefore);
    });
  }

  listEnrolCodes(centreId: string, limit: number): Promise<EnrolCodeRecord[]> {
    return this.queue.run(() => (this.sql.listCodes.all(centreId, limit) as EnrolCodeRow[]).map(toEnrolCode));
  }

  centreStaff(centreId: string): Promise<Staff[]> {
    return this.queue.run(() => (this.sql.centreStaff.all(centreId) as { data: string }[]).map((r) => JSON.parse(r.data) as Staff));
  }
}
