import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../../src/server/store/open';
import type { Store } from '../../../src/server/store/store';

/** The README's local PostgreSQL; BENCH_DATABASE_URL or TEST_DATABASE_URL name another. */
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database for server processes to share, and the settings that point at it. */
export interface BenchDb {
  kind: 'sqlite' | 'postgres';
  /** DATA_DIR (always) and DATABASE_URL (PostgreSQL) for a server process. */
  env: Record<string, string>;
  /** A migrated store on the same database, for setup in the bench's own process. */
  open(): Promise<Store>;
  dispose(): Promise<void>;
}

export function postgresAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES;
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrated(config: { dataDir: string; databaseUrl?: string }): Promise<Store> {
  const store = await openStore(config);
  await store.migrate();
  return store;
}

export function freshSqlite(): BenchDb {
  const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-server-'));
  return {
    kind: 'sqlite',
    env: { DATA_DIR: dataDir },
    open: () => migrated({ dataDir }),
    dispose: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** A database of its own on the PostgreSQL at `adminUrl`, dropped on dispose. */
export async function freshPostgres(adminUrl = postgresAdminUrl()): Promise<BenchDb> {
  const name = `cunzhan_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await runSql(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), 'cunzhan-bench-server-'));
  return {
    kind: 'postgres',
    env: { DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    open: () => migrated({ dataDir, databaseUrl }),
    async dispose() {
      await runSql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
