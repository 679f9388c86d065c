import type Database from 'better-sqlite3';
import { CENTRE_COLUMNS } from '../centre-record';
import { OWN_ROWS_OMITTED } from '../store';
import { ChunkedInsert } from './chunked-insert';

const omittedTables = OWN_ROWS_OMITTED.map((table) => `'${table}'`).join(', ');

/** The expression and terms of the rows_closed_by_villager index (migration 10), as it has them. */
const villagerKey = `COALESCE(json_extract(data, '$.customerId'), '')`;
const closedHistoryTerms = `closed_at IS NOT NULL AND tbl IN ('orders', 'parcels')`;

/** The closed history in villager key order, starting after a key or not. */
const closedHistory = (afterKey: string) =>
  `SELECT tbl, seq, data, ${villagerKey} AS villager FROM rows
   WHERE centre_id = ? AND ${closedHistoryTerms} ${afterKey} AND seq <= ? AND closed_at >= ?
   ORDER BY ${villagerKey}, seq`;

/** Every statement the SQLite store runs, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    insertCentre: db.prepare('INSERT INTO centres (id, names, last_seq, created_at, updated_at) VALUES (?, ?, 0, ?, ?)'),
    getCentre: db.prepare(`SELECT ${CENTRE_COLUMNS} FROM centres WHERE id = ?`),
    listCentres: db.prepare(`SELECT ${CENTRE_COLUMNS} FROM centres ORDER BY created_at, id`),
    lastSeq: db.prepare('SELECT last_seq FROM centres WHERE id = ?'),
    bumpSeq: db.prepare('UPDATE centres SET last_seq = last_seq + ? WHERE id = ? RETURNING last_seq'),

    getEnrolCode: db.prepare('SELECT centre_id, expires_at, used_at, used_by_device FROM enrol_codes WHERE code_hash = ?'),
    insertEnrolCode: db.prepare('INSERT INTO enrol_codes (code_hash, centre_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
    useEnrolCode: db.prepare('UPDATE enrol_codes SET used_at = ?, used_by_device = ? WHERE code_hash = ?'),
    usableEnrolCode: db.prepare(
      'SELECT MAX(expires_at) AS until FROM enrol_codes WHERE centre_id = ? AND used_at IS NULL AND expires_at > ?',
    ),

    nextDeviceNo: db.prepare('UPDATE centres SET last_device_no = last_device_no + 1 WHERE id = ? RETURNING last_device_no'),
    insertDevice: db.prepare(
      'INSERT INTO devices (id, centre_id, device_no, name, token_hash, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, NULL)',
    ),
    findActiveDevice: db.prepare('SELECT * FROM devices WHERE token_hash = ? AND revoked_at IS NULL'),
    deviceByTokenHash: db.prepare('SELECT id, device_no, revoked_at FROM devices WHERE token_hash = ?'),
    listDevices: db.prepare('SELECT * FROM devices ORDER BY enrolled_at, id'),
    listCentreDevices: db.prepare('SELECT * FROM devices WHERE centre_id = ? ORDER BY enrolled_at, id'),
    revokeDevice: db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?'),
    deviceByToken: db.prepare('SELECT * FROM devices WHERE token_hash = ?'),
    getDevice: db.prepare('SELECT * FROM devices WHERE id = ?'),
    // A report without a field keeps what was recorded before.
    recordDeviceSync: db.prepare(
      'UPDATE devices SET last_sync_at = ?, app_version = COALESCE(?, app_version), pending_count = COALESCE(?, pending_count) WHERE id = ?',
    ),

    staffKeys: db.prepare(
      'SELECT staff_id, key_id, secret, created_at FROM staff_keys WHERE centre_id = ? AND staff_id IN (SELECT value FROM json_each(?))',
    ),
    insertStaffKey: db.prepare('INSERT INTO staff_keys (centre_id, staff_id, key_id, secret, created_at) VALUES (?, ?, ?, ?, ?)'),

    // Batch lookups take their keys as one JSON array: one statement per batch, not per key.
    getApplied: db.prepare(
      'SELECT id, result FROM applied_mutations WHERE centre_id = ? AND id IN (SELECT value FROM json_each(?))',
    ),
    insertApplied: new ChunkedInsert(db, 'INSERT INTO applied_mutations (centre_id, id, device_id, kind, result, applied_at)', 6),

    tableRows: db.prepare('SELECT data FROM rows WHERE centre_id = ? AND tbl = ?'),
    getRows: db.prepare('SELECT id, data FROM rows WHERE centre_id = ? AND tbl = ? AND id IN (SELECT value FROM json_each(?))'),
    getRow: db.prepare('SELECT data FROM rows WHERE centre_id = ? AND tbl = ? AND id = ?'),
    upsertRows: new ChunkedInsert(
      db,
      'INSERT INTO rows (centre_id, tbl, id, seq, data, origin, received_at, closed_at)',
      8,
      'ON CONFLICT (centre_id, tbl, id) DO UPDATE SET seq = excluded.seq, data = excluded.data, origin = excluded.origin, received_at = excluded.received_at, closed_at = excluded.closed_at',
    ),
    // A device's own insert-only rows, rows closed before the horizon, tables the tablet
    // does not know and the closed history it already fetched are scanned (the cursor
    // passes them) but their data is not read.
    // Parameters: device, horizon, hidden tables as ",a,b,", closed up to, horizon, centre, after, limit.
    pull: db.prepare(
      `SELECT tbl, seq,
         CASE WHEN (origin = ? AND tbl IN (${omittedTables})) OR closed_at < ? OR instr(?, ',' || tbl || ',') > 0
             OR (seq <= ? AND ${closedHistoryTerms})
           THEN NULL ELSE data END AS data,
         closed_at < ? AS older
       FROM rows WHERE centre_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    ),
    // Read row by row until the page is whole, so no LIMIT. Parameters: centre,
    // (after,) up to, horizon ('' for none).
    // Every key is >= '': the term only leads the planner to the villager index. Without it, SQLite
    // sorted the centre's whole closed history before answering the first page (0.5 s for 70,000 rows).
    closedHistory: db.prepare(closedHistory(`AND ${villagerKey} >= ''`)),
    closedHistoryAfter: db.prepare(closedHistory(`AND ${villagerKey} > ?`)),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
