import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';

export interface OpenedStore {
  /** The open store; a new instance after `restart`. */
  readonly store: Store;
  /** Where the SQLite store lives (a fresh temp dir), or the PostgreSQL URL. */
  config: { dataDir: string; databaseUrl?: string };
  /** Closes the store and opens it again on the same data, as a server restart does. */
  restart(): Promise<Store>;
  dispose(): Promise<void>;
}

/** A fresh database with no migrations run, for building an older schema by hand. */
export interface BareDatabase {
  config: { dataDir: string; databaseUrl?: string };
  /** Runs SQL text (possibly several statements) as it stands. */
  exec(sql: string): Promise<void>;
  /** Opens the store on this database (not migrated); it is closed on dispose. */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /** A fresh, migrated, empty store. */
  open(): Promise<OpenedStore>;
  bare(): Promise<BareDatabase>;
}

/** The open store of one data location, which may be closed and opened again. */
async function reopenable(config: OpenedStore['config'], cleanup: () => Promise<void>): Promise<OpenedStore> {
  let store = await openStore(config);
  await store.migrate();
  return {
    get store() {
      return store;
    },
    config,
    async restart() {
      await store.close();
      store = await openStore(config);
      await store.migrate();
      return store;
    },
    async dispose() {
      await store.close();
      await cleanup();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

const sqlite: StoreKind = {
  name: 'sqlite',
  open() {
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
    return reopenable({ dataDir }, () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })));
  },
  async bare() {
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
    const opened: Store[] = [];
    return {
      config: { dataDir },
      exec(sql) {
        const db = new Database(join(dataDir, 'cunzhan.db'));
        try {
          db.exec(sql);
        } finally {
          db.close();
        }
        return Promise.resolve();
      },
      async open() {
        const store = await openStore({ dataDir });
        opened.push(store);
        return store;
      },
      async dispose() {
        for (const store of opened) await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  },
};

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Each open makes its own database with a unique name and drops it after. */
function postgres(adminUrl: string): StoreKind {
  async function freshDatabase() {
    const database = `cunzhan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await adminQuery(adminUrl, `CREATE DATABASE ${database}`);
    const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
    return {
      config: { dataDir, databaseUrl: withDatabase(adminUrl, database) },
      async drop() {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return {
    name: 'postgres',
    async open() {
      const { config, drop } = await freshDatabase();
      return reopenable(config, drop);
    },
    async bare() {
      const { config, drop } = await freshDatabase();
      const opened: Store[] = [];
      return {
        config,
        async exec(sql) {
          const client = new pg.Client({ connectionString: config.databaseUrl });
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        },
        async open() {
          const store = await openStore(config);
          opened.push(store);
          return store;
        },
        async dispose() {
          for (const store of opened) await store.close();
          await drop();
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
