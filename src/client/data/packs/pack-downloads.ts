import { useEffect, useState } from 'preact/hooks';
import { db as defaultDb, type CunzhanDb } from '../db';
import { getDevice } from '../device';
import { AppError, AppErrorCode, toAppError } from '../errors';
import { withSyncLock } from '../../sync/lock';
import { fetchTransport } from '../../sync/transport';
import { requestPersistentStorage } from '../storage';
import type { PackEndpoint } from './pack-client';
import { downloadPack, PAUSED } from './pack-download';

/** How often a running download's progress is shown anew. */
const PROGRESS_EVERY_MS = 100;

/** A download running now: its bytes so far, live (the stored chunks lag behind by up to a chunk). */
export interface RunningDownload {
  version: number;
  done: number;
  total: number;
}

/** The app's pack endpoint: same origin, this tablet's token. */
export async function appPackEndpoint(database: CunzhanDb = defaultDb): Promise<PackEndpoint> {
  const device = await getDevice(database);
  if (!device) throw new AppError(AppErrorCode.notEnrolled);
  return { transport: fetchTransport, baseUrl: globalThis.location.origin, token: device.token };
}

/**
 * The downloads running in this tab, one per pack at most. They outlive the
 * screen that started them; their progress and their bytes are in
 * IndexedDB, so a reload shows a paused download that resumes where it was.
 */
class PackDownloads {
  private readonly running = new Map<string, RunningDownload & { controller: AbortController; finished: Promise<unknown> }>();
  /**
   * Why each download of this tab last stopped (an AppErrorCode, or PAUSED).
   * The pack row says so too, but on a full disk that row cannot be written.
   */
  private readonly stops = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private progressTimer: ReturnType<typeof setTimeout> | undefined;

  get(id: string): RunningDownload | undefined {
    return this.running.get(id);
  }

  stoppedBy(id: string): string | undefined {
    return this.stops.get(id);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    for (const listener of this.listeners) listener();
  }

  /**
   * Bytes arrive in many small pieces: the progress bar is redrawn at most
   * every PROGRESS_EVERY_MS, so drawing it does not slow the reading.
   */
  private progressed(): void {
    this.progressTimer ??= setTimeout(() => this.changed(), PROGRESS_EVERY_MS);
  }

  /**
   * Starts (or resumes) downloading a version; resolves when it stops, with
   * the error that stopped it if any. One tab downloads a pack at a time (a
   * Web Lock), so two tabs never write the same chunks.
   */
  start(id: string, version: number, database: CunzhanDb = defaultDb): Promise<AppError | undefined> {
    if (this.running.has(id)) return Promise.resolve(undefined);
    const controller = new AbortController();
    let settle: (value: unknown) => void = () => undefined;
    const entry = { version, done: 0, total: 0, controller, finished: new Promise((ok) => (settle = ok)) };
    this.running.set(id, entry);
    this.stops.delete(id);
    this.changed();
    const run = async (): Promise<AppError | undefined> => {
      // A download may fill the disk: ask first that the browser never evicts what it stores.
      await requestPersistentStorage().catch(() => false);
      await downloadPack(database, await appPackEndpoint(database), id, version, {
        signal: controller.signal,
        onProgress: (done, total) => {
          entry.done = done;
          entry.total = total;
          this.progressed();
        },
      });
      if (controller.signal.aborted) this.stops.set(id, PAUSED);
      return undefined;
    };
    let outcome: AppError | undefined;
    return withSyncLock(`cunzhan-pack-download:${id}`, async () => {
      outcome = await run();
    })
      .then(
        () => outcome,
        (e: unknown) => {
          const error = toAppError(e);
          this.stops.set(id, error.code);
          return error;
        },
      )
      .finally(() => {
        this.running.delete(id);
        settle(undefined);
        this.changed();
      });
  }

  pause(id: string): void {
    this.running.get(id)?.controller.abort();
  }

  /** Pauses a running download and waits until it has stopped writing: before its pack is deleted or discarded. */
  async stop(id: string): Promise<void> {
    const entry = this.running.get(id);
    if (!entry) return;
    entry.controller.abort();
    await entry.finished;
  }
}

export const packDownloads = new PackDownloads();

/**
 * The running download of a pack (re-rendered as bytes arrive), or why its
 * last one in this tab stopped.
 */
export function useDownloadState(id: string): { running: RunningDownload | undefined; stoppedBy: string | undefined } {
  const [, setTick] = useState(0);
  useEffect(() => packDownloads.subscribe(() => setTick((n) => n + 1)), []);
  const running = packDownloads.get(id);
  return {
    running: running ? { version: running.version, done: running.done, total: running.total } : undefined,
    stoppedBy: packDownloads.stoppedBy(id),
  };
}
