import type { Staff } from '../../shared/domain/entities';

/** A county staff member who signs in to the admin area. */
export interface CountyAdmin {
  id: string;
  /** Normalised (normaliseUsername): unique. */
  username: string;
  /** `scrypt$…` (county/password.ts). */
  passwordHash: string;
  createdAt: string;
}

/** A signed-in browser. Only the sha256 of its cookie value is stored. */
export interface CountySessionRecord {
  idHash: string;
  adminId: string;
  createdAt: string;
  lastSeenAt: string;
}

export interface CountySessionWithAdmin extends CountySessionRecord {
  username: string;
}

/** An enrolment code as the admin area may show it: its text was never stored. */
export interface EnrolCodeRecord {
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedByDevice: string | null;
}

/**
 * What the county admin area keeps and reads beyond the sync Store. Both
 * stores implement it on their own connection (SQLite: through the same
 * serial queue, so it never runs inside a centre's open transaction).
 */
export interface CountyStore {
  /** False when the username is taken. */
  createAdmin(admin: CountyAdmin): Promise<boolean>;
  findAdmin(username: string): Promise<CountyAdmin | undefined>;

  createSession(session: CountySessionRecord): Promise<void>;
  findSession(idHash: string): Promise<CountySessionWithAdmin | undefined>;
  touchSession(idHash: string, lastSeenAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Deletes sessions idle since before `idleBefore` or begun before `createdBefore`. */
  pruneSessions(idleBefore: string, createdBefore: string): Promise<void>;

  /** The centre's codes, newest first, at most `limit`. */
  listEnrolCodes(centreId: string, limit: number): Promise<EnrolCodeRecord[]>;
  /** Every staff row of the centre, as synced. */
  centreStaff(centreId: string): Promise<Staff[]>;
}

/** A `county_admins` row as both databases return it. */
export interface CountyAdminRecord {
  id: string;
  username: string;
  password_hash: string;
  created_at: string;
}

export function toCountyAdmin(r: CountyAdminRecord): CountyAdmin {
  return { id: r.id, username: r.username, passwordHash: r.password_hash, createdAt: r.created_at };
}

export interface CountySessionRow {
  id_hash: string;
  admin_id: string;
  created_at: string;
  last_seen_at: string;
  username: string;
}

export function toCountySession(r: CountySessionRow): CountySessionWithAdmin {
  return { idHash: r.id_hash, adminId: r.admin_id, createdAt: r.created_at, lastSeenAt: r.last_seen_at, username: r.username };
}

export interface EnrolCodeRow {
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by_device: string | null;
}

export function toEnrolCode(r: EnrolCodeRow): EnrolCodeRecord {
  return { createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at, usedByDevice: r.used_by_device };
}

export const SESSION_COLUMNS = 's.id_hash, s.admin_id, s.created_at, s.last_seen_at, a.username';
