import { BUILD_ID } from '../build-id';
import { DEFAULT_DB_NAME, type CunzhanDb } from '../data/db';
import { AppErrorCode, toAppError } from '../data/errors';
import { onMutationQueued } from '../data/local-changes';
import { getMeta, setMeta } from '../data/meta';
import { sweepAnswered, waitingCount } from '../data/outbox-queue';
import { IDLE_INTERVAL_MS, NUDGE_DELAY_MS, retryDelay } from './backoff';
import { BatchSizer, type BatchSizeLimits } from './batch-size';
import { clockWatch } from './clock';
import { withSyncLock } from './lock';
import { watchOnline } from './online';
import { PauseTimer, watchInput, type PauseTimerOptions } from './pause-timer';
import { firstUnsigned } from './outbox';
import { pruneOlderHistory, restartForWiderHistory } from '../data/history-scope';
import { pullChanges } from './pull';
import { pushOutbox, type SyncEndpoint } from './push';
import { createStatusStore, IDLE_STATUS, type StatusStore } from './status';
import { fetchTransport, type Transport } from './transport';

/** Every sync request says which build the tablet runs and how many changes it holds back. */
export const APP_VERSION_HEADER = 'X-Cunzhan-App-Version';
export const PENDING_HEADER = 'X-Cunzhan-Pending';

export interface SyncEngineOptions {
  db: CunzhanDb;
  transport?: Transport;
  /** Origin of the server; the page's own origin in the app. */
  baseUrl?: string;
  /** Bounds of the adaptive push batch size; the defaults suit the app. */
  pushBatch?: Partial<BatchSizeLimits>;
  /** How automatic syncs wait for a pause in the person's taps (pause-timer.ts); the defaults suit the app. */
  pause?: PauseTimerOptions;
  /** Where the engine reports its status; one of its own when none. */
  status?: StatusStore;
}

export interface SyncEngine {
  readonly status: StatusStore;
  /** Push everything queued, then pull everything new. Throws an AppError on failure. */
  runOnce(): Promise<void>;
  /** Only the push half (tests interleave pushes and pulls). */
  push(): Promise<void>;
  /** Only the pull half. */
  pull(): Promise<void>;
  /**
   * A full sync under the tab lock, recorded in `status` (never throws).
   * Called while one runs, it resolves after a further full cycle, so
   * changes made meanwhile are included.
   */
  syncNow(): Promise<void>;
  /**
   * Automatic syncing (S10): now, on `online`, after commands, and on a
   * timer; those after commands and on the timer in a pause between taps.
   * Returns stop.
   */
  start(): () => void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const database = options.db;
  const transport = options.transport ?? fetchTransport;
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? 'http://localhost';
  const lockName = database.name === DEFAULT_DB_NAME ? 'cunzhan-sync' : `cunzhan-sync:${database.name}`;
  // Online only once a request has come back: the browser's flag says a
  // network exists, not that the server can be reached through it.
  const status = options.status ?? createStatusStore(IDLE_STATUS);
  // What the last pushes learnt about the link carries over to the next one.
  const sizer = new BatchSizer(options.pushBatch);
  let failures = 0;
  /** The wait a busy server asked for (Retry-After), honoured by the next automatic sync. */
  let serverAskedMs = 0;
  // A server asking for hours (a misconfigured proxy) must not silence the tablet that long.
  const MAX_SERVER_ASKED_MS = 10 * 60_000;
  let running: Promise<void> | null = null;
  let again = false;
  let afterCycle: () => void = () => undefined;

  void refreshFromDb();

  async function refreshFromDb(): Promise<void> {
    const [pending, lastSyncAt, unsigned, revoked] = await Promise.all([
      waitingCount(database),
      getMeta(database, 'lastSyncAt'),
      firstUnsigned(database),
      getMeta(database, 'revoked'),
    ]);
    status.update({ pending, lastSyncAt: lastSyncAt ?? null, waitingFor: unsigned?.staffId ?? null, revoked: !!revoked });
  }

  /**
   * Runs `work` against the server, null when the tablet is not enrolled
   * (nothing to sync yet). The server's clock read meanwhile is kept even
   * when the work fails halfway.
   */
  async function withEndpoint(work: (target: SyncEndpoint) => Promise<void>): Promise<void> {
    const device = await getMeta(database, 'device');
    // A removed tablet stops syncing: its queue waits to be exported (features/revoked).
    if (!device || (await getMeta(database, 'revoked'))) return;
    const clock = clockWatch();
    const target: SyncEndpoint = {
      db: database,
      transport,
      baseUrl,
      deviceId: device.deviceId,
      centreId: device.centre.id,
      token: device.token,
      report: { [APP_VERSION_HEADER]: BUILD_ID, [PENDING_HEADER]: String(await waitingCount(database)) },
      onServerTime: clock.onServerTime,
    };
    try {
      await work(target);
    } finally {
      await clock.save(database).catch(() => undefined);
    }
  }

  async function pushTo(target: SyncEndpoint): Promise<void> {
    await pushOutbox(target, {
      sizer,
      onProgress: (done, total) => status.update({ progress: { phase: 'push', done, total } }),
    });
  }

  async function pullFrom(target: SyncEndpoint): Promise<void> {
    const progress = (done: number) => status.update({ progress: { phase: 'pull', done, total: null } });
    await pullChanges(target, progress);
    // An admin now keeps more history than this tablet holds: the whole feed again brings it.
    if (await restartForWiderHistory(database)) await pullChanges(target, progress);
    await pruneOlderHistory(database, Date.now());
  }

  function push(): Promise<void> {
    return withEndpoint(pushTo);
  }

  function pull(): Promise<void> {
    return withEndpoint(pullFrom);
  }

  function runOnce(): Promise<void> {
    return withEndpoint(async (target) => {
      await pushTo(target);
      await pullFrom(target);
      await setMeta(database, 'lastSyncAt', new Date().toISOString());
    });
  }

  async function cycle(): Promise<void> {
    await withSyncLock(lockName, async () => {
      if (await getMeta(database, 'revoked')) {
        status.update({ revoked: true, online: false });
        return;
      }
      status.update({ syncing: true, progress: null });
      try {
        await runOnce();
        failures = 0;
        serverAskedMs = 0;
        status.update({ lastError: null, online: true });
      } catch (e) {
        failures += 1;
        const error = toAppError(e);
        serverAskedMs = Math.min(MAX_SERVER_ASKED_MS, (error.retryAfterSeconds ?? 0) * 1000);
        const code = error.code;
        if (code === AppErrorCode.deviceRevoked) await markRevoked(error.detail);
        // Any answer, even an error, shows the server is reachable; only a request that got none says offline.
        status.update({ lastError: code, online: code !== AppErrorCode.serverUnreachable && code !== AppErrorCode.deviceRevoked });
      } finally {
        // Answered entries are swept after the sync, whether or not all of it succeeded.
        await sweepAnswered(database).catch(() => undefined);
        status.update({ syncing: false, progress: null });
        await refreshFromDb().catch(() => undefined);
      }
    });
  }

  /** The server no longer knows this tablet: remembered, so a reload does not try again. */
  async function markRevoked(code: string | undefined): Promise<void> {
    if (!(await getMeta(database, 'revoked'))) {
      await setMeta(database, 'revoked', { at: new Date().toISOString(), code: code ?? AppErrorCode.deviceRevoked });
    }
    status.update({ revoked: true });
  }

  function syncNow(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        // cycle() records its own failures; this only guards against the lock API itself failing.
        await cycle().catch((e: unknown) => status.update({ lastError: toAppError(e).code, syncing: false }));
      } while (again);
    })().finally(() => {
      running = null;
      afterCycle();
    });
    return running;
  }

  function start(): () => void {
    watchInput();
    const timer = new PauseTimer(() => void syncNow(), options.pause);
    const nudge = new PauseTimer(() => void syncNow(), options.pause);
    afterCycle = () => {
      if (!status.get().revoked) timer.arm(failures > 0 ? Math.max(retryDelay(failures), serverAskedMs) : IDLE_INTERVAL_MS);
    };
    // Going offline is news at once; coming online is only a reason to try.
    const stopOnline = watchOnline((online) => {
      if (online) void syncNow();
      else status.update({ online: false });
    });
    const stopNudges = onMutationQueued(() => {
      void refreshFromDb().catch(() => undefined);
      nudge.arm(NUDGE_DELAY_MS);
    });
    void syncNow();
    return () => {
      afterCycle = () => undefined;
      timer.cancel();
      nudge.cancel();
      stopOnline();
      stopNudges();
    };
  }

  return { status, runOnce, push, pull, syncNow, start };
}
