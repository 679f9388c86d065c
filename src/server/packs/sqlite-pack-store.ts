import type Database from 'better-sqlite3';
import type { SerialQueue } from '../store/serial';
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

function prepare(db: Database.Database) {
  return {
    newest: db.prepare(`SELECT ${PACK_COLUMNS} FROM packs WHERE id = ? ORDER BY version DESC LIMIT 1`),
    insertMedia: db.prepare('INSERT INTO media_files (sha256, size, type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING'),
    insertPack: db.prepare(
      'INSERT INTO packs (id, version, manifest, total_bytes, file_count, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertFile: db.prepare('INSERT INTO pack_files (pack_id, version, path, sha256) VALUES (?, ?, ?, ?)'),
    latest: db.prepare(
      `SELECT ${PACK_COLUMNS} FROM packs p WHERE version = (SELECT MAX(version) FROM packs q WHERE q.id = p.id) ORDER BY id`,
    ),
    version: db.prepare(`SELECT ${PACK_COLUMNS} FROM packs WHERE id = ? AND version = ?`),
    media: db.prepare('SELECT sha256, size, type FROM media_files WHERE sha256 = ?'),
  };
}

/** Packs on the SQLite store's one connection, through its queue. */
export class SqlitePackStore implements PackStore {
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

  recordVersion(pack: NewPackVersion): Promise<RecordedVersion> {
    const { manifest } = pack;
    return this.queue.run(() =>
      this.db.transaction((): RecordedVersion => {
        const newest = this.sql.newest.get(manifest.course.id) as PackRecord | undefined;
        const latest = newest && toPackVersion(newest);
        if (latest && sameManifest(latest.manifest, manifest)) return { version: latest.version, created: false };
        const version = (latest?.version ?? 0) + 1;
        for (const f of manifest.files) this.sql.insertMedia.run(f.sha256, f.size, f.type, pack.importedAt);
        this.sql.insertPack.run(
          manifest.course.id,
          version,
          JSON.stringify(manifest),
          totalBytesOf(manifest),
          manifest.files.length,
          pack.importedAt,
        );
        for (const f of manifest.files) this.sql.insertFile.run(manifest.course.id, version, f.path, f.sha256);
        return { version, created: true };
      })(),
    );
  }

  latestVersions(): Promise<StoredPackVersion[]> {
    return this.queue.run(() => (this.sql.latest.all() as PackRecord[]).map(toPackVersion));
  }

  getVersion(id: string, version: number): Promise<StoredPackVersion | undefined> {
    return this.queue.run(() => {
      const r = this.sql.version.get(id, version) as PackRecord | undefined;
      return r && toPackVersion(r);
    });
  }

  mediaFile(sha256: string): Promise<MediaFileRecord | undefined> {
    return this.queue.run(() => this.sql.media.get(sha256) as MediaFileRecord | undefined);
  }

  knownMedia(sha256s: readonly string[]): Promise<Set<string>> {
    return this.queue.run(() => new Set(sha256s.filter((h) => this.sql.media.get(h) !== undefined)));
  }
}
