import { PostgresStore } from './postgres/postgres-store';
import { SqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

export interface StoreConfig {
  /** `postgres://…`: when set, PostgreSQL is used instead of SQLite. */
  databaseUrl?: string | undefined;
  /** Where the SQLite file lives. */
  dataDir: string;
}

/** Opens (but does not migrate) the configured store. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) return new PostgresStore(config.databaseUrl);
  return new SqliteStore(config.dataDir);
}
