import type pg from 'pg';
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

/** The county admin area's reads and writes on the PostgreSQL pool. */
export class PostgresCountyStore implements CountyStore {
  constructor(private readonly pool: pg.Pool) {}

  async createAdmin(admin: CountyAdmin): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'INSERT INTO county_admins (id, username, password_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (username) DO NOTHING',
      [admin.id, admin.username, admin.passwordHash, admin.createdAt],
    );
    return (rowCount ?? 0) > 0;
  }

  async findAdmin(username: string): Promise<CountyAdmin | undefined> {
    const { rows } = await this.pool.query<CountyAdminRecord>(
      'SELECT id, username, password_hash, created_at FROM county_admins WHERE username = $1',
      [username],
    );
    return rows[0] && toCountyAdmin(rows[0]);
  }

  async createSession(s: CountySessionRecord): Promise<void> {
    await this.pool.query('INSERT INTO county_sessions (id_hash, admin_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4)', [
      s.idHash,
      s.adminId,
      s.createdAt,
      s.lastSeenAt,
    ]);
  }

  async findSession(idHash: string): Promise<CountySessionWithAdmin | undefined> {
    const { rows } = await this.pool.query<CountySessionRow>(
      `SELECT ${SESSION_COLUMNS} FROM county_sessions s JOIN county_admins a ON a.id = s.admin_id WHERE s.id_hash = $1`,
      [idHash],
    );
    return rows[0] && toCountySession(rows[0]);
  }

  async touchSession(idHash: string, lastSeenAt: string): Promise<void> {
    await this.pool.query('UPDATE county_sessions SET last_seen_at = $1 WHERE id_hash = $2', [lastSeenAt, idHash]);
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.pool.query('DELETE FROM county_sessions WHERE id_hash = $1', [idHash]);
  }

  async pruneSessions(idleBefore: string, createdBefore: string): Promise<void> {
    await this.pool.query('DELETE FROM county_sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]);
  }

  async listEnrolCodes(centreId: string, limit: number): Promise<EnrolCodeRecord[]> {
    const { rows } = await this.pool.query<EnrolCodeRow>(
      'SELECT created_at, expires_at, used_at, used_by_device FROM enrol_codes WHERE centre_id = $1 ORDER BY created_at DESC LIMIT $2',
      [centreId, limit],
    );
    return rows.map(toEnrolCode);
  }

  async centreStaff(centreId: string): Promise<Staff[]> {
    const { rows } = await this.pool.query<{ data: Staff }>("SELECT data FROM rows WHERE centre_id = $1 AND tbl = 'staff' ORDER BY id", [
      centreId,
    ]);
    return rows.map((r) => r.data);
  }
}
