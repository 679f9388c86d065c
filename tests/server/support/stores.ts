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

/** A database not yet migrated; each store opened on it is closed on dispose. */
function bareDatabase(config: BareDatabase['config'], exec: BareDatabase['exec'], cleanup: () => Promise<void>): BareDatabase {
  const opened: Store[] = [];
  return {
    config,
    exec,
    async open() {
      const store = await openStore(config);
      opened.push(store);
      return store;
    },
    async dispose() {
      for (const store of opened) await store.close();
      await cleanup();
    },
  };
}

function freshDataDir(): { dataDir: string; remove: () => Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-store-'));
  return { dataDir, remove: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
}

const sqlite: StoreKind = {
  name: 'sqlite',
  open() {
    const { dataDir, remove } = freshDataDir();
    return reopenable({ dataDir }, remove);
  },
  bare() {
    const { dataDir, remove } = freshDataDir();
    const exec = (sql: string) => {
      const db = new Database(join(dataDir, 'cunzhan.db'));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
      return Promise.resolve();
    };
    return Promise.resolve(bareDatabase({ dataDir }, exec, remove));
  },
};

/** Runs SQL text on the database at `url` over a connection of its own. */
async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Each open makes its own database with a unique name and drops it after. */
function postgres(adminUrl: string): StoreKind {
  async function freshDatabase() {
    const database = `cunzhan_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await runSql(adminUrl, `CREATE DATABASE ${database}`);
    const { dataDir, remove } = freshDataDir();
    return {
      config: { dataDir, databaseUrl: withDatabase(adminUrl, database) },
      async drop() {
        await runSql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
        await remove();
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
      return bareDatabase(config, (sql) => runSql(config.databaseUrl, sql), drop);
    },
  };
}

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set. */
export function storeKinds(): StoreKind[] {
  const url = process.env.TEST_DATABASE_URL;
  return url ? [sqlite, postgres(url)] : [sqlite];
}
