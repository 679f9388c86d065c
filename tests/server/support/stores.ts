import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';

export interface OpenedStore {
  store: Store;
  /** Where the SQLite store lives (a fresh temp dir), or the PostgreSQL URL. */
  config: { dataDir: string; databaseUrl?: string };
  dispose(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(): Promise<OpenedStore>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const sqlite: StoreKind = {
  name: 'sqlite',
  async open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
    const store = await openStore({ dataDir });
    await store.migrate();
    return {
      store,
      config: { dataDir },
      async dispose() {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

/** Each open makes its own database with a unique name and drops it after. */
function postgres(adminUrl: string): StoreKind {
  return {
    name: 'postgres',
    async open() {
      const database = `cunzhan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const databaseUrl = withDatabase(adminUrl, database);
      const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
      const store = await openStore({ databaseUrl, dataDir });
      await store.migrate();
      return {
        store,
        config: { dataDir, databaseUrl },
        async dispose() {
          await store.close();
          const cleanup = new pg.Client({ connectionString: adminUrl });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
          await cleanup.end();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function storeKinds(): StoreKind[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqlite, postgres(url)] : [sqlite];
}
