import { rmSync } from 'node:fs';
import { buildHarness } from '../support/build-harness';
import { freshPostgres, freshSqlite, type BenchDb } from './bench-db';
import { fatPullCase, type FatPullRun } from './fat-pull';
import { ingestCase, type IngestRun } from './ingest';
import { proofVerifyCase, type ProofVerifyRun } from './proof-verify';
import { twoProcessCase, type TwoProcessRun } from './two-process';

/** Why a case could not be measured. */
export interface NotMeasured {
  notMeasured: string;
}
export type Outcome<T> = T | NotMeasured;

export interface ServerCases {
  ingestSqlite?: Outcome<IngestRun>;
  ingestPg?: Outcome<IngestRun>;
  twoProcess?: Outcome<TwoProcessRun>;
  fatPull?: Outcome<FatPullRun>;
  proofVerify?: Outcome<ProofVerifyRun>;
}

/** The server-side parts of the bench, by their BENCH_ONLY names. */
export const SERVER_PARTS = ['ingest', 'twoProcess', 'fatPull', 'proofVerify'] as const;
export type ServerPart = (typeof SERVER_PARTS)[number];

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Full-scale sizes, each shortened by an environment knob for quick runs. */
export const SERVER_SCALE = {
  ingestSeconds: envNumber('BENCH_INGEST_SECONDS', 20),
  /** A centre has one or two tablets: ten tablets are five centres' worth. */
  ingestCentres: envNumber('BENCH_INGEST_CENTRES', 5),
  twoProcessSales: envNumber('BENCH_TWO_PROCESS_SALES', 5000),
  fatPullSales: envNumber('BENCH_FAT_PULL_SALES', 2000),
  proofVerifyMutations: envNumber('BENCH_PROOF_MUTATIONS', 10_000),
};

async function outcome<T>(what: string, log: (line: string) => void, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return await run();
  } catch (e) {
    const error = e instanceof Error ? e.message : String(e);
    log(`${what} not measured: ${error}`);
    return { notMeasured: error.slice(0, 2000) };
  }
}

async function withDb<T>(open: () => Promise<BenchDb> | BenchDb, work: (db: BenchDb) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await work(db);
  } finally {
    await db.dispose();
  }
}

/**
 * The figures measured against built server processes (dist/server/main.js):
 * ingest from simulated tablets on SQLite and PostgreSQL, a pipelined push
 * through a balancer over two processes, and server memory under the largest pull.
 */
export async function runServerCases(parts: ReadonlySet<ServerPart>, log: (line: string) => void): Promise<ServerCases> {
  const cases: ServerCases = {};
  const ingest = (kind: string, expectedSalesPerSec: number) => (db: BenchDb) =>
    ingestCase(db, { devices: 10, centres: SERVER_SCALE.ingestCentres, salesPerRequest: 100, seconds: SERVER_SCALE.ingestSeconds, expectedSalesPerSec }).then((run) => {
      log(`ingest on ${kind}: ${run.salesPerSec} sales/s, p99 ${run.p99Ms} ms (${run.requests} requests, ${run.sales} sales in ${run.elapsedMs} ms)`);
      return run;
    });
  if (parts.has('proofVerify')) {
    cases.proofVerify = await outcome('proof verification', log, async () => {
      const run = await proofVerifyCase(SERVER_SCALE.proofVerifyMutations);
      log(`proof verification: ${run.usPerMutation} µs per mutation (runs ${run.runsUs.join(', ')} µs)`);
      return run;
    });
  }
  if (parts.has('ingest')) {
    cases.ingestSqlite = await outcome('ingest on SQLite', log, () => withDb(freshSqlite, ingest('SQLite', 10_000)));
    cases.ingestPg = await outcome('ingest on PostgreSQL', log, () => withDb(() => freshPostgres(), ingest('PostgreSQL', 5_000)));
  }
  if (!parts.has('twoProcess') && !parts.has('fatPull')) return cases;
  // The harness page, served by the server processes as their client, so the tablet is same-origin with the API.
  const harnessRoot = await buildHarness('/');
  try {
    if (parts.has('twoProcess')) {
      cases.twoProcess = await outcome('two-process push', log, () =>
        withDb(() => freshPostgres(), (db) => twoProcessCase(db, harnessRoot, SERVER_SCALE.twoProcessSales, log)),
      );
    }
    if (parts.has('fatPull')) {
      cases.fatPull = await outcome('fat pull', log, () => fatPullCase(harnessRoot, SERVER_SCALE.fatPullSales, log));
    }
  } finally {
    rmSync(harnessRoot, { recursive: true, force: true });
  }
  return cases;
}

