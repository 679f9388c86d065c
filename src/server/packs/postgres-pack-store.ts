import type pg from 'pg';
import {
  PACK_COLUMNS,
  sameManifest,
  toPackVersion,
  totalBytesOf,
  type MediaFileRecord,
  type NewPackVersion,
  type PackRecord,
  type PackStore,
  type RecordedVersion,
  type StoredPackVersion,
} from './pack-store';

// Any constant: two imports of one pack at once take its next version in turn.
const PACK_LOCK_SPACE = 7_236_008;

/** Packs on the PostgreSQL pool. */
export class PostgresPackStore implements PackStore {
  constructor(private readonly pool: pg.Pool) {}

  async recordVersion(pack: NewPackVersion): Promise<RecordedVersion> {
    const { manifest } = pack;
    const id = manifest.course.id;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [PACK_LOCK_SPACE, id]);
      const { rows } = await client.query<PackRecord>(`SELECT ${PACK_COLUMNS} FROM packs WHERE id = $1 ORDER BY version DESC LIMIT 1`, [id]);
      const latest = rows[0] && toPackVersion(rows[0]);
      if (latest && sameManifest(latest.manifest, manifest)) {
        await client.query('COMMIT');
        return { version: latest.version, created: false };
      }
      const version = (latest?.version ?? 0) + 1;
      const files = manifest.files;
      await client.query(
        `INSERT INTO media_files (sha256, size, type, created_at)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[]) ON CONFLICT (sha256) DO NOTHING`,
        [files.map((f) => f.sha256), files.map((f) => f.size), files.map((f) => f.type), files.map(() => pack.importedAt)],
      );
      await client.query(
        'INSERT INTO packs (id, version, manifest, total_bytes, file_count, imported_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, version, JSON.stringify(manifest), totalBytesOf(manifest), files.length, pack.importedAt],
      );
      await client.query(
        `INSERT INTO pack_files (pack_id, version, path, sha256)
         SELECT $1, $2, * FROM unnest($3::text[], $4::text[])`,
        [id, version, files.map((f) => f.path), files.map((f) => f.sha256)],
      );
      await client.query('COMMIT');
      return { version, created: true };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async latestVersions(): Promise<StoredPackVersion[]> {
    const { rows } = await this.pool.query<PackRecord>(
      `SELECT DISTINCT ON (id) ${PACK_COLUMNS} FROM packs ORDER BY id, version DESC`,
    );
    // Sorted here: the database's collation may order ids apart from SQLite's.
    return rows.map(toPackVersion).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async getVersion(id: string, version: number): Promise<StoredPackVersion | undefined> {
    const { rows } = await this.pool.query<PackRecord>(`SELECT ${PACK_COLUMNS} FROM packs WHERE id = $1 AND version = $2`, [id, version]);
    return rows[0] && toPackVersion(rows[0]);
  }

  async mediaFile(sha256: string): Promise<MediaFileRecord | undefined> {
    const { rows } = await this.pool.query<{ sha256: string; size: string; type: string }>(
      'SELECT sha256, size, type FROM media_files WHERE sha256 = $1',
      [sha256],
    );
    const r = rows[0];
    return r && { sha256: r.sha256, size: Number(r.size), type: r.type };
  }

  async knownMedia(sha256s: readonly string[]): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ sha256: string }>('SELECT sha256 FROM media_files WHERE sha256 = ANY($1::text[])', [
      [...sha256s],
    ]);
    return new Set(rows.map((r) => r.sha256));
  }
}
