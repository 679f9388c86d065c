import { completeSale } from '../../../src/client/data/commands';
import type { CommandContext } from '../../../src/client/data/commands/run-command';
import { CunzhanDb } from '../../../src/client/data/db';
import { enrolDevice } from '../../../src/client/data/enrol-device';
import { waitingCount, waitingEntries } from '../../../src/client/data/outbox-queue';
import type { BatchSizeLimits } from '../../../src/client/sync/batch-size';
import { createSyncEngine, type SyncEngine } from '../../../src/client/sync/engine';
import type { Transport } from '../../../src/client/sync/transport';
import { uuidv7 } from '../../../src/shared/domain/ids';
import { staffKeysOf } from '../../../src/shared/auth/staff-key';
import { signerFromRow } from '../../support/signing';

/** A sale as the tablet queued it: the mutation, the row it makes, in queue order. */
export interface QueuedSale {
  mutationId: string;
  saleId: string;
  receiptNo: string;
}

export interface NodeTablet {
  db: CunzhanDb;
  deviceId: string;
  /** How the first sync went, when it went through the link (TabletOptions.firstSyncThroughLink). */
  firstSync?: RetryOutcome;
  ctx: CommandContext;
  /** The engine that talks to the sync origin (a proxy, usually). */
  engine: SyncEngine;
  /** Counter sales made offline: each goes to the outbox. */
  sell(count: number): Promise<void>;
  queuedSales(): Promise<QueuedSale[]>;
  waiting(): Promise<number>;
  /** Pushes (retrying every failure at once) until nothing waits. */
  pushUntilEmpty(limits?: RetryLimits): Promise<RetryOutcome>;
  /** Pulls (retrying every failure at once) until one pull runs to the end of the feed. */
  pullUntilDone(limits?: RetryLimits): Promise<RetryOutcome>;
  close(): Promise<void>;
}

export interface RetryLimits {
  attempts?: number;
  /** Called after each failed attempt, e.g. to bring a crashed server back. */
  afterFailure?: (error: unknown) => Promise<void>;
}

export interface RetryOutcome {
  attempts: number;
  failures: number;
}

export interface TabletOptions {
  /** One-time enrolment code. */
  code: string;
  /** Where enrolment and the first sync go (straight to the server). */
  setupUrl: string;
  /** Where the engine under test syncs (a proxy). */
  syncUrl: string;
  label: string;
  pushBatch?: Partial<BatchSizeLimits>;
  transport?: Transport;
  /** The PIN of the staff member who sells (the clerk): their key signs what the tablet pushes. */
  pin?: string;
  /** The first sync goes through `syncUrl` too, tried again after each failure: a fresh tablet's first pull under test. */
  firstSyncThroughLink?: RetryLimits;
}

let tablets = 0;

/** An attempt that neither succeeds nor fails this long is a hang, reported as one (not as a test timeout). */
const STALL_MS = 30_000;

class Stalled extends Error {}

function settlesWithin<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Stalled(`${what} did not settle in ${ms} ms; open: ${process.getActiveResourcesInfo().join(', ')}`)),
      ms,
    );
  });
  return Promise.race([work, stalled]).finally(() => clearTimeout(timer));
}

/** Runs `step` until it succeeds and `done` says so, each failure tried again at once. */
async function retrying(label: string, step: () => Promise<void>, done: () => Promise<boolean>, limits: RetryLimits = {}): Promise<RetryOutcome> {
  const attempts = limits.attempts ?? 3000;
  let failures = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let failed = false;
    try {
      await settlesWithin(step(), STALL_MS, `${label}: attempt ${attempt}`);
    } catch (error) {
      if (error instanceof Stalled) throw error;
      failed = true;
      failures += 1;
      await limits.afterFailure?.(error);
    }
    if (!failed && (await done())) return { attempts: attempt, failures };
  }
  throw new Error(`${label}: not done after ${attempts} attempts (${failures} failed)`);
}

/**
 * A tablet's data layer and real sync engine in Node, over fake-indexeddb
 * (imported by the test file before anything else) and fetch, so it meets
 * the network as the app does: keep-alive connections, cut sockets.
 */
export async function enrolNodeTablet(options: TabletOptions): Promise<NodeTablet> {
  tablets += 1;
  const db = new CunzhanDb(`fault-${options.label}-${tablets}-${uuidv7()}`);
  const direct: Transport = (request) => fetch(request);
  const device = await enrolDevice(options.code, options.label, { db, fetch: direct, baseUrl: options.setupUrl });
  let firstSync: RetryOutcome | undefined;
  if (options.firstSyncThroughLink) {
    const first = createSyncEngine({ db, baseUrl: options.syncUrl, ...(options.transport ? { transport: options.transport } : {}) });
    firstSync = await retrying(options.label, () => first.runOnce(), () => Promise.resolve(true), options.firstSyncThroughLink);
  } else {
    await createSyncEngine({ db, transport: direct, baseUrl: options.setupUrl }).runOnce();
  }
  const staff = (await db.staff.toArray()).find((s) => s.role === 'clerk') ?? (await db.staff.toArray())[0];
  if (!staff) throw new Error('the first sync brought no staff');
  // Signed in as a tablet signs in: the PIN unlocks the key that signs each sale.
  const signer = await signerFromRow(staff, options.pin ?? '2222');
  const keys = await staffKeysOf(signer.secret, signer.keyId);
  const ctx: CommandContext = { db, staffId: staff.id, deviceId: device.deviceId, centreId: device.centre.id, keys };
  const engine = createSyncEngine({
    db,
    baseUrl: options.syncUrl,
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.pushBatch ? { pushBatch: options.pushBatch } : {}),
  });

  const retry = (step: () => Promise<void>, done: () => Promise<boolean>, limits: RetryLimits = {}) => retrying(options.label, step, done, limits);

  return {
    db,
    deviceId: device.deviceId,
    ...(firstSync ? { firstSync } : {}),
    ctx,
    engine,
    async sell(count) {
      const products = await db.products.toArray();
      for (let i = 0; i < count; i++) {
        const product = products[i % products.length]!;
        const qty = 1 + (i % 3);
        await completeSale({ lines: [{ productId: product.id, qty }], tenderedFen: product.priceFen * qty }, ctx);
      }
    },
    async queuedSales() {
      return (await waitingEntries(db))
        .filter((entry) => entry.kind === 'sale.create')
        .map((entry) => {
          const args = entry.args as { saleId: string; receiptNo: string };
          return { mutationId: entry.id, saleId: args.saleId, receiptNo: args.receiptNo };
        });
    },
    waiting: () => waitingCount(db),
    pushUntilEmpty: (limits) => retry(() => engine.push(), async () => (await waitingCount(db)) === 0, limits),
    pullUntilDone: (limits) => retry(() => engine.pull(), () => Promise.resolve(true), limits),
    async close() {
      await db.delete();
    },
  };
}
