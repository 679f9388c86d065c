import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import Database from 'better-sqlite3';

const gunzipAsync = promisify(gunzip);

/**
 * The push floor that is durable too: what a bare endpoint must do at least
 * to keep a batch safe before answering. Each body is gunzipped and parsed,
 * and every mutation is inserted as one JSON row into SQLite with the
 * store's settings (WAL, synchronous=FULL), one transaction per batch. No
 * checks, no decide, no change feed: the least any durable push could cost.
 */
export class DurableFloor {
  private readonly dir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-durable-'));
  private readonly db: Database.Database;
  private readonly insertBatch: (rows: readonly { id: string; json: string }[]) => void;
  mutations = 0;

  constructor() {
    this.db = new Database(join(this.dir, 'floor.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE mutations (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const insert = this.db.prepare('INSERT INTO mutations (id, data) VALUES (?, ?)');
    this.insertBatch = this.db.transaction((rows: readonly { id: string; json: string }[]) => {
      for (const row of rows) insert.run(row.id, row.json);
    });
  }

  /** Takes one gzip body as the app posts it; resolves once it is committed. */
  async accept(gzipped: Buffer): Promise<void> {
    const text = (await gunzipAsync(gzipped)).toString('utf8');
    const body = JSON.parse(text) as { mutations: { id: string }[] };
    this.insertBatch(body.mutations.map((m) => ({ id: m.id, json: JSON.stringify(m) })));
    this.mutations += body.mutations.length;
  }

  /** Untimed, between runs: the same mutations are inserted again by the next run. */
  reset(): void {
    this.db.exec('DELETE FROM mutations');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.mutations = 0;
  }

  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
