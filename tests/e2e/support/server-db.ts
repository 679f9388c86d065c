import Database from 'better-sqlite3';
import { join } from 'node:path';

/** Reads the server's SQLite file directly: what the county really holds. */
export function serverRows(dataDir: string, table: string): unknown[] {
  const db = new Database(join(dataDir, 'cunzhan.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT data FROM rows WHERE tbl = ? ORDER BY seq')
      .all(table)
      .map((r) => JSON.parse((r as { data: string }).data) as unknown);
  } finally {
    db.close();
  }
}
