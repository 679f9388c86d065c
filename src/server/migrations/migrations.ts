/**
 * Versioned schema changes, in order. Never edit one that has shipped: add
 * the next. Each holds the SQL for both dialects, which keep the same tables.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** Plain SQL both dialects run alike (migration 3). */
const DEVICE_NUMBERS = `
  ALTER TABLE devices ADD COLUMN device_no INTEGER;
  ALTER TABLE centres ADD COLUMN last_device_no INTEGER NOT NULL DEFAULT 0;
  UPDATE devices SET device_no = (
    SELECT COUNT(*) FROM devices earlier
    WHERE earlier.centre_id = devices.centre_id
      AND (earlier.enrolled_at < devices.enrolled_at OR (earlier.enrolled_at = devices.enrolled_at AND earlier.id <= devices.id))
  );
  UPDATE centres SET last_device_no = (SELECT COUNT(*) FROM devices WHERE devices.centre_id = centres.id);
  CREATE UNIQUE INDEX devices_centre_no ON devices(centre_id, device_no);
`;

/**
 * Course packs (migration 8). Media files are kept once each under
 * DATA_DIR/media/<sha256>; a pack version lists which of them it uses.
 */
const coursePacks = (json: string, bigint: string) => `
  CREATE TABLE media_files (
    sha256 TEXT PRIMARY KEY,
    size ${bigint} NOT NULL,
    type TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE packs (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    manifest ${json} NOT NULL,
    total_bytes ${bigint} NOT NULL,
    file_count INTEGER NOT NULL,
    imported_at TEXT NOT NULL,
    PRIMARY KEY (id, version)
  );
  CREATE TABLE pack_files (
    pack_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL REFERENCES media_files(sha256),
    PRIMARY KEY (pack_id, version, path),
    FOREIGN KEY (pack_id, version) REFERENCES packs(id, version)
  );
  CREATE INDEX pack_files_media ON pack_files(sha256);
`;

/**
 * Lesson variants (migration 9): the county lists a pack's variants across
 * centres, so the synced rows of that one table get an index of their own;
 * each promotion of a variant's save into a pack version is recorded once.
 */
const LESSON_VARIANTS = `
  CREATE INDEX rows_lesson_variants ON rows(tbl, centre_id) WHERE tbl = 'lessonVariants';
  CREATE TABLE variant_promotions (
    centre_id TEXT NOT NULL REFERENCES centres(id),
    variant_id TEXT NOT NULL,
    saved_by TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    promoted_at TEXT NOT NULL,
    promoted_by TEXT NOT NULL,
    PRIMARY KEY (centre_id, variant_id, saved_by)
  );
  CREATE INDEX variant_promotions_pack ON variant_promotions(pack_id);
`;

/** Plain SQL both dialects run alike (county admin area). */
const COUNTY_ADMINS = `
  CREATE TABLE county_admins (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE county_sessions (
    id_hash TEXT PRIMARY KEY,
    admin_id TEXT NOT NULL REFERENCES county_admins(id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );
  CREATE INDEX county_sessions_admin ON county_sessions(admin_id);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'centres, devices, enrolment codes, applied mutations, synced rows',
    sqlite: `
      CREATE TABLE centres (
        id TEXT PRIMARY KEY,
        names TEXT NOT NULL,
        last_seq INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX devices_centre ON devices(centre_id);
      CREATE TABLE enrol_codes (
        code_hash TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by_device TEXT REFERENCES devices(id)
      );
      CREATE INDEX enrol_codes_centre ON enrol_codes(centre_id, expires_at);
      CREATE TABLE applied_mutations (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        result TEXT NOT NULL,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (centre_id, id)
      ) WITHOUT ROWID;
      -- A rowid table: rows hold kilobytes of JSON, which WITHOUT ROWID b-trees handle badly.
      CREATE TABLE rows (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (centre_id, tbl, id)
      );
      CREATE UNIQUE INDEX rows_feed ON rows(centre_id, seq);
    `,
    postgres: `
      CREATE TABLE centres (
        id TEXT PRIMARY KEY,
        names JSONB NOT NULL,
        last_seq BIGINT NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX devices_centre ON devices(centre_id);
      CREATE TABLE enrol_codes (
        code_hash TEXT PRIMARY KEY,
        centre_id TEXT NOT NULL REFERENCES centres(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT,
        used_by_device TEXT REFERENCES devices(id)
      );
      CREATE INDEX enrol_codes_centre ON enrol_codes(centre_id, expires_at);
      CREATE TABLE applied_mutations (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        result JSONB NOT NULL,
        applied_at TEXT NOT NULL,
        PRIMARY KEY (centre_id, id)
      );
      CREATE TABLE rows (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        seq BIGINT NOT NULL,
        data JSONB NOT NULL,
        PRIMARY KEY (centre_id, tbl, id)
      );
      CREATE UNIQUE INDEX rows_feed ON rows(centre_id, seq);
    `,
  },
  {
    version: 2,
    name: 'origin device of each synced row',
    // The device whose mutation last wrote the row (NULL: written by the server),
    // so a pull need not send a tablet the sales and movements it made itself.
    sqlite: 'ALTER TABLE rows ADD COLUMN origin TEXT;',
    postgres: 'ALTER TABLE rows ADD COLUMN origin TEXT;',
  },
  {
    version: 3,
    name: 'device numbers unique within each centre',
    // Each device's number (1, 2, 3… per centre) gives its receipt prefix, so two
    // tablets of one centre never print the same receipt number. Devices enrolled
    // before this are numbered in enrolment order; numbers are never reused.
    sqlite: DEVICE_NUMBERS,
    postgres: DEVICE_NUMBERS,
  },
  {
    version: 4,
    name: 'server receive time of each synced row',
    // A tablet's clock may be days off: its createdAt stays in the row as it was
    // made, and this records when the server took the row (NULL: before this).
    sqlite: 'ALTER TABLE rows ADD COLUMN received_at TEXT;',
    postgres: 'ALTER TABLE rows ADD COLUMN received_at TEXT;',
  },
  {
    version: 5,
    name: 'staff secrets, device sync state',
    // Every staff secret the server was given (a new PIN makes a new one; old ones stay,
    // so changes signed before a PIN reset still verify). Never synced, never pulled.
    // Devices record when and with which app they last synced, and what they still held.
    sqlite: `
      CREATE TABLE staff_keys (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        staff_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (centre_id, staff_id, key_id)
      ) WITHOUT ROWID;
      ALTER TABLE devices ADD COLUMN last_sync_at TEXT;
      ALTER TABLE devices ADD COLUMN app_version TEXT;
      ALTER TABLE devices ADD COLUMN pending_count INTEGER;
    `,
    postgres: `
      CREATE TABLE staff_keys (
        centre_id TEXT NOT NULL REFERENCES centres(id),
        staff_id TEXT NOT NULL,
        key_id TEXT NOT NULL,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (centre_id, staff_id, key_id)
      );
      ALTER TABLE devices ADD COLUMN last_sync_at TEXT;
      ALTER TABLE devices ADD COLUMN app_version TEXT;
      ALTER TABLE devices ADD COLUMN pending_count INTEGER;
    `,
  },
  {
    version: 6,
    name: 'county admins and their sessions',
    // County staff sign in to the admin area with a password (scrypt, parameters in
    // the hash). A session is kept only as the sha256 of its cookie value.
    sqlite: COUNTY_ADMINS,
    postgres: COUNTY_ADMINS,
  },
  {
    version: 7,
    name: 'when each synced row closed',
    // A closed order, parcel or pickup code (shared/domain/history-scope.ts) records
    // when it closed, so a pull can leave out those closed before the centre's
    // history horizon. Rows already stored get it from their JSON.
    sqlite: `
      ALTER TABLE rows ADD COLUMN closed_at TEXT;
      UPDATE rows SET closed_at = json_extract(data, '$.updatedAt')
      WHERE (tbl = 'orders' AND json_extract(data, '$.status') IN ('collected', 'cancelled', 'returned'))
         OR (tbl = 'parcels' AND json_extract(data, '$.status') IN ('collected', 'returned'))
         OR (tbl = 'pickupCodes' AND json_extract(data, '$.active') = 0);
    `,
    postgres: `
      ALTER TABLE rows ADD COLUMN closed_at TEXT;
      UPDATE rows SET closed_at = data->>'updatedAt'
      WHERE (tbl = 'orders' AND data->>'status' IN ('collected', 'cancelled', 'returned'))
         OR (tbl = 'parcels' AND data->>'status' IN ('collected', 'returned'))
         OR (tbl = 'pickupCodes' AND data->>'active' = 'false');
    `,
  },
  {
    version: 8,
    name: 'course packs and their media files',
    sqlite: coursePacks('TEXT', 'INTEGER'),
    postgres: coursePacks('JSONB', 'BIGINT'),
  },
  {
    version: 9,
    name: 'lesson variants: their index and promotions',
    sqlite: LESSON_VARIANTS,
    postgres: LESSON_VARIANTS,
  },
  {
    version: 10,
    name: 'closed orders and parcels by villager',
    // A fresh tablet's closed history comes whole villagers at a time, in the
    // order of their ids ('' for a parcel matched to none). The history queries
    // repeat these expressions and terms, or the planners pass the index by.
    // PostgreSQL compares the ids bytewise (COLLATE "C"), as SQLite and the tablet do.
    sqlite: `
      CREATE INDEX rows_closed_by_villager ON rows(centre_id, COALESCE(json_extract(data, '$.customerId'), ''), seq)
      WHERE closed_at IS NOT NULL AND tbl IN ('orders', 'parcels');
    `,
    postgres: `
      CREATE INDEX rows_closed_by_villager ON rows(centre_id, (COALESCE(data->>'customerId', '') COLLATE "C"), seq)
      WHERE closed_at IS NOT NULL AND tbl IN ('orders', 'parcels');
    `,
  },
];
