import { ms, TARGETS, verdict, type BenchResults, type Row } from '../support/results';
import type { IngestRun } from './ingest';
import type { ProofVerifyRun } from './proof-verify';
import type { Outcome, ServerCases } from './run-server-cases';

type ServerFigures = Pick<
  BenchResults,
  | 'ingestSalesPerSecSqlite'
  | 'ingestP99MsSqlite'
  | 'ingestSalesPerSecPg'
  | 'ingestP99MsPg'
  | 'twoProcessPushRatio'
  | 'fatPullPeakRssMb'
  | 'proofVerifyUsPerMutation'
>;

function ok<T extends object>(o: Outcome<T> | undefined): T | undefined {
  return o === undefined || 'notMeasured' in o ? undefined : o;
}

/** The server figures of a run's cases; null where a case was not measured. */
export function serverFigures(cases: ServerCases): ServerFigures {
  const sqlite = ok(cases.ingestSqlite);
  const pg = ok(cases.ingestPg);
  return {
    ingestSalesPerSecSqlite: sqlite?.salesPerSec ?? null,
    ingestP99MsSqlite: sqlite?.p99Ms ?? null,
    ingestSalesPerSecPg: pg?.salesPerSec ?? null,
    ingestP99MsPg: pg?.p99Ms ?? null,
    twoProcessPushRatio: ok(cases.twoProcess)?.ratio ?? null,
    fatPullPeakRssMb: ok(cases.fatPull)?.peakRssMb ?? null,
    proofVerifyUsPerMutation: ok(cases.proofVerify)?.usPerMutation ?? null,
  };
}

/** Whether each server figure met its target; one not measured did not. */
export function serverPass(f: ServerFigures): Record<string, boolean> {
  const atLeast = (v: number | null, target: number) => v !== null && v >= target;
  const atMost = (v: number | null, target: number) => v !== null && v <= target;
  return {
    ingestSalesPerSecSqlite: atLeast(f.ingestSalesPerSecSqlite, TARGETS.ingestSalesPerSecSqlite),
    ingestP99MsSqlite: atMost(f.ingestP99MsSqlite, TARGETS.ingestP99Ms),
    ingestSalesPerSecPg: atLeast(f.ingestSalesPerSecPg, TARGETS.ingestSalesPerSecPg),
    ingestP99MsPg: atMost(f.ingestP99MsPg, TARGETS.ingestP99Ms),
    twoProcessPushRatio: atMost(f.twoProcessPushRatio, TARGETS.twoProcessPushRatio),
    fatPullPeakRssMb: atMost(f.fatPullPeakRssMb, TARGETS.fatPullPeakRssMb),
  };
}

function notMeasured(label: string, o: Outcome<object> | undefined, target: string): Row {
  const why = o && 'notMeasured' in o ? String(o.notMeasured).split('\n')[0]!.slice(0, 120) : 'not run';
  return [label, 'not measured', why, '', target, 'FAIL'];
}

function ingestRows(store: string, o: Outcome<IngestRun> | undefined, rateTarget: number, pass: Record<string, boolean>, key: 'Sqlite' | 'Pg'): Row[] {
  const run = ok(o);
  if (!run) return [notMeasured(`Ingest on ${store}`, o, `≥ ${rateTarget.toLocaleString('en')} sales/s`)];
  const label = `Ingest on ${store}, ${run.devices} tablets of ${run.centres} centres × ${run.salesPerRequest} sales per request`;
  return [
    [
      label,
      `${run.salesPerSec.toLocaleString('en')} sales/s`,
      `${run.sales.toLocaleString('en')} sales, ${run.requests} requests in ${ms(run.elapsedMs)}`,
      '',
      `≥ ${rateTarget.toLocaleString('en')} sales/s`,
      verdict(pass[`ingestSalesPerSec${key}`]!),
    ],
    [`Ingest on ${store}: request latency p99`, ms(run.p99Ms), `p50 ${ms(run.p50Ms)}, max ${ms(run.maxMs)}`, '', `≤ ${ms(TARGETS.ingestP99Ms)}`, verdict(pass[`ingestP99Ms${key}`]!)],
  ];
}

/** Table rows of the server figures. */
export function serverRows(r: BenchResults): Row[] {
  const { server } = r.cases;
  const two = ok(server.twoProcess);
  const fat = ok(server.fatPull);
  const twoTarget = `≤ ${TARGETS.twoProcessPushRatio}× one process`;
  const fatTarget = `≤ ${TARGETS.fatPullPeakRssMb} MB`;
  return [
    ...ingestRows('SQLite', server.ingestSqlite, TARGETS.ingestSalesPerSecSqlite, r.pass, 'Sqlite'),
    ...ingestRows('PostgreSQL', server.ingestPg, TARGETS.ingestSalesPerSecPg, r.pass, 'Pg'),
    two
      ? [
          `Push ${two.sales.toLocaleString('en')} through a balancer to two processes (PostgreSQL)`,
          ms(two.twoProcessMs),
          `one process ${ms(two.oneProcessMs)}; connections ${two.connections.join('/')}`,
          `${two.ratio.toFixed(2)}×`,
          twoTarget,
          verdict(r.pass.twoProcessPushRatio!),
        ]
      : notMeasured('Push through a balancer to two processes', server.twoProcess, twoTarget),
    fat
      ? [
          `Server peak RSS while a tablet pulls ${fat.sales.toLocaleString('en')} largest sales`,
          `${fat.peakRssMb.toFixed(0)} MB`,
          `${fat.rssBeforeMb.toFixed(0)} MB before; ${fat.pulledSales} pulled in ${ms(fat.pullMs)}${fat.error ? `; pull failed: ${fat.error.slice(0, 80)}` : ''}`,
          '',
          fatTarget,
          verdict(r.pass.fatPullPeakRssMb!),
        ]
      : notMeasured('Server peak RSS under the largest pull', server.fatPull, fatTarget),
    proofRow(server.proofVerify),
  ];
}

/** Information only: the server's cost of checking each change's signature. */
function proofRow(o: Outcome<ProofVerifyRun> | undefined): Row {
  const run = ok(o);
  if (!run) return ['Proof check per mutation (info)', 'not measured', o && 'notMeasured' in o ? String(o.notMeasured).slice(0, 120) : 'not run', '', '', ''];
  return [
    'Proof check per mutation, server CPU (info)',
    `${run.usPerMutation} µs`,
    `${run.mutations.toLocaleString('en')} signed sales through the server's check; runs ${run.runsUs.join(', ')} µs`,
    '',
    '',
    '',
  ];
}
