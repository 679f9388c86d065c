import type { PageSpans } from './pull-spans';
import type { VillageApi } from './village-api';

/** Where the bench server takes floor posts: it only reads and gunzips the body. */
export const FLOOR_PATH = '/bench-floor';
/** The durable floor: gunzip, parse, and insert each mutation as a JSON row into SQLite, one transaction per batch. */
export const DURABLE_FLOOR_PATH = '/bench-durable-floor';

/** What the harness page offers the bench driver on `window.bench`. */
export interface EnrolResult {
  deviceId: string;
  centreId: string;
}

export interface LoginResult {
  staffId: string;
  staffName: string;
}

export interface SyncRun {
  ms: number;
  /** Outbox entries still waiting afterwards (0 when everything went). */
  pending: number;
  sales: number;
  /** Error text when the sync engine reported a failure. */
  error?: string;
}

export interface FloorRun {
  ms: number;
  requests: number;
  /** Gzip bodies as sent. */
  bodyBytes: number;
  /** The same bodies before compression. */
  jsonBytes: number;
}

export interface FetchFloorRun {
  ms: number;
  requests: number;
  rows: number;
  /** Length of the JSON bodies after decompression. */
  jsonChars: number;
}

export interface WriteFloorRun {
  ms: number;
  rows: number;
  transactions: number;
}

export interface Counts {
  sales: number;
  outbox: number;
  products: number;
  staff: number;
}

/** One request as the page's resource timing saw it, in ms since the push started. */
export interface RequestSpan {
  start: number;
  firstByte: number;
  end: number;
  bytes: number;
}

export interface HarnessApi extends VillageApi {
  enrol(code: string): Promise<EnrolResult>;
  /** Signs in the first active staff member whose PIN is `pin` (or named `staffName`). */
  login(pin: string, staffName?: string): Promise<LoginResult>;
  /** `n` counter sales through the real command, one after another, as a clerk would. */
  createSales(n: number): Promise<{ ms: number }>;
  /** Keeps in memory what the floor will post: the outbox, as push envelopes. */
  captureFloorPayload(): Promise<{ mutations: number }>;
  /** Posts the captured mutations as gzip JSON in batches, one after another. */
  floor(batchSize: number): Promise<FloorRun>;
  /** The same bodies to the durable floor, two in flight as the app sends them. */
  durableFloor(batchSize: number): Promise<FloorRun>;
  /** A full sync cycle as "Sync now" runs it: push, then pull. */
  syncNow(): Promise<SyncRun>;
  /** Only the engine's push half. */
  push(): Promise<SyncRun>;
  /** Only the engine's pull half. */
  pull(): Promise<SyncRun>;
  /** What "Sync now" does last: delete the queue entries the server answered. */
  sweep(): Promise<{ ms: number; entries: number }>;
  /** When each push request of the last `push()` started, was answered and finished, from the page's resource timing. */
  pushTimeline(): RequestSpan[];
  counts(): Promise<Counts>;
  /** A traced copy of the pull loop: when each page was requested, arrived, parsed and written. */
  tracedPull(firstRows: number): Promise<{ ms: number; pages: PageSpans[] }>;
  /** The pull's fetch floor: every page fetched and parsed, no storage; keeps the pages for `pullWriteFloor`. */
  pullFetchFloor(): Promise<FetchFloorRun>;
  /** The pull's storage floor: the kept pages' rows written with raw IndexedDB into a scratch database. */
  pullWriteFloor(run: number): Promise<WriteFloorRun>;
  /** Setup only: already-synced sales written straight into IndexedDB in big transactions. */
  seedSyncedSales(n: number): Promise<{ ms: number }>;
  /** Times `n` single counter sales, each from call to committed. */
  timeSales(n: number): Promise<number[]>;
}

declare global {
  interface Window {
    bench: HarnessApi;
  }
}
