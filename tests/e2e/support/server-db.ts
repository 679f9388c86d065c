import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SERVER_DEVICE_ID } from '../../../src/shared/domain/ids';

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

/** The sales tablets made: the demo centre's seeded credit sales (made by the server itself) left out. */
export function salesFromTablets(dataDir: string): unknown[] {
  return serverRows(dataDir, 'sales').filter((s) => (s as { deviceId: string }).deviceId !== SERVER_DEVICE_ID);
}
