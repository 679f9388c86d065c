import * as v from 'valibot';
import type { AnyRow, Centre, TableName } from '../domain/entities';
import type { RefusalCode } from '../domain/refusals';
import { PROOF_PATTERN } from '../auth/staff-proof';
import { isoTime, shortText, storableText, uuid } from '../mutations/fields';

/** Bounds on the wire (S4): a batch is small enough to commit on its own. */
export const LIMITS = {
  /** A tablet grows its batches up to this while requests come back quickly. */
  pushMaxMutations: 1000,
  /** Decompressed request body. */
  maxBodyBytes: 4 * 1024 * 1024,
  pullDefaultRows: 2000,
  pullMaxRows: 5000,
  /**
   * A pull page or a push answer stops before the row (or result) that would
   * take its encoding past this many bytes, and always holds at least one: a
   * page of the largest sales stays about a megabyte however many rows were
   * asked for (S4).
   */
  pageMaxBytes: 1_000_000,
  /** A body sent without a device token, after decompression (enrolment is 100 bytes). */
  unauthenticatedBodyBytes: 16 * 1024,
} as const;

/** One queued user action as it travels. Device and version travel once per batch. */
export const mutationEnvelope = v.strictObject({
  id: uuid,
  kind: v.pipe(storableText, v.maxLength(64)),
  args: v.unknown(),
  staffId: uuid,
  createdAt: isoTime,
  /**
   * Since protocol 3: which of the staff member's keys signed, and the proof
   * (src/shared/auth/PROOF.md). Optional on the wire so that a change queued
   * before an update still parses; the server refuses it unproven.
   */
  keyId: v.optional(uuid),
  proof: v.optional(v.pipe(v.string(), v.regex(PROOF_PATTERN))),
});
export type MutationEnvelope = v.InferOutput<typeof mutationEnvelope>;

export const pushRequest = v.strictObject({
  protocolVersion: v.pipe(v.number(), v.integer()),
  deviceId: uuid,
  /**
   * Since protocol 2: the id of the last mutation of the batch this device
   * sent just before, so batches sent before their predecessor's answer
   * still apply in order (S2). Absent or null: no predecessor to wait for.
   */
  after: v.optional(v.nullable(uuid)),
  mutations: v.pipe(v.array(mutationEnvelope), v.maxLength(LIMITS.pushMaxMutations)),
});
export type PushRequest = v.InferOutput<typeof pushRequest>;

export type MutationResult =
  | { id: string; status: 'applied' }
  | { id: string; status: 'refused'; code: RefusalCode; detail?: string };

export interface PushResponse {
  /**
   * In the order sent. Since protocol 3 it may answer only the first ones
   * (the answer is bounded by LIMITS.pageMaxBytes): the rest are applied too
   * and are answered, from their stored results, when sent again.
   */
  results: MutationResult[];
  /** Since protocol 3: the server's clock (UTC ISO) when it answered. */
  serverTime?: string;
}

/**
 * A page of the centre's change feed: the latest version of every row whose
 * seq is after the cursor, grouped by table. `cursor` is the last seq in it.
 */
export interface PullResponse {
  rows: Partial<Record<TableName, AnyRow[]>>;
  cursor: number;
  hasMore: boolean;
  /** Since protocol 3: the server's clock (UTC ISO) when it answered. */
  serverTime?: string;
  /**
   * Since protocol 4: the centre's history horizon (shared/domain/history-scope.ts).
   * Orders, parcels and pickup codes closed before it are left out of the page.
   */
  historyFrom?: string;
  /** Since protocol 4: how many rows of this page were left out as older history. */
  olderLeftOut?: number;
}

/**
 * Since protocol 6: a page of the centre's closed orders and parcels as they
 * stood at feed seq `upTo`, within its history horizon, whole villagers at a
 * time in the order of their ids. A fresh tablet packs each villager's once,
 * instead of receiving them in the order they changed.
 */
export interface HistoryResponse {
  /** Every closed order and parcel whose seq is at or before it is in the history; later ones come by the feed. */
  upTo: number;
  rows: { orders?: AnyRow[]; parcels?: AnyRow[] };
  /** The last villager key of this page: the next page is asked after it. Absent when the page is empty. */
  after?: string;
  hasMore: boolean;
  serverTime?: string;
}

/** The device secret: 32 random bytes in base64url, made by the tablet before it enrols. */
export const DEVICE_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const enrolRequest = v.strictObject({
  code: v.pipe(storableText, v.trim(), v.minLength(4), v.maxLength(64)),
  deviceName: shortText(80),
  /**
   * Since protocol 3: the tablet's own secret, which becomes its token. The
   * server keeps only its hash, so sending the same code and secret again
   * (after a cut) returns the same device; another secret finds the code used.
   * Without it (older apps) the server makes the token.
   */
  deviceSecret: v.optional(v.pipe(v.string(), v.regex(DEVICE_SECRET_PATTERN))),
});
export type EnrolRequest = v.InferOutput<typeof enrolRequest>;

export interface EnrolResponse {
  deviceId: string;
  /** 1, 2, 3… within the centre: the tablet's receipt prefix comes from it. */
  deviceNo: number;
  /** The device secret sent, or the one the server made for an older app. */
  token: string;
  centre: Centre;
  /** Since protocol 3: the server's clock (UTC ISO) when it answered. */
  serverTime?: string;
}

export interface HealthResponse {
  ok: true;
  version: string;
  protocolVersions: readonly number[];
  store: 'sqlite' | 'postgres';
}

/** Every error response, from every endpoint, has this one shape. */
export interface ErrorBody {
  error: ApiErrorCode;
  message: string;
}

export const ApiErrorCode = {
  badRequest: 'bad_request',
  invalidBody: 'invalid_body',
  bodyTooLarge: 'body_too_large',
  unsupportedEncoding: 'unsupported_encoding',
  unauthorized: 'unauthorized',
  /** The token was good but the county removed this tablet: it can no longer sync (export its changes instead). */
  deviceRevoked: 'device_revoked',
  deviceMismatch: 'device_mismatch',
  unsupportedProtocol: 'unsupported_protocol',
  /** The batch named in `after` is not applied yet: send this one again after its answer. */
  outOfOrder: 'out_of_order',
  enrolCodeInvalid: 'enrol_code_invalid',
  enrolCodeExpired: 'enrol_code_expired',
  enrolCodeUsed: 'enrol_code_used',
  notFound: 'not_found',
  /** A JSON endpoint was sent another Content-Type. */
  unsupportedMediaType: 'unsupported_media_type',
  /** Too many requests from this address or for this code: see Retry-After. */
  rateLimited: 'rate_limited',
  /** The database cannot write (disk full, read-only, unreachable): retry after Retry-After. */
  storageUnavailable: 'storage_unavailable',
  internal: 'internal',
  unavailable: 'unavailable',
  /** County admin area: the session ran out (idle or too old); sign in again. */
  sessionExpired: 'session_expired',
  /** County admin area: a state-changing request without the session's X-CSRF-Token. */
  csrf: 'csrf',
  /** County admin area: wrong username or password. */
  badCredentials: 'bad_credentials',
  /** County admin area: an uploaded export file was refused as a whole; nothing of it was applied. */
  importRefused: 'import_refused',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export const pullQuery = v.object({
  after: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number), v.minValue(1), v.maxValue(LIMITS.pullMaxRows)),
  ),
  /** Since protocol 4: the tablet's protocol. Older tablets are sent only the tables they know. */
  protocol: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number))),
  /** Since protocol 6: the `upTo` of the closed history this tablet fetched; closed orders and parcels at or before it are left out. */
  closedUpTo: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))),
});

/** The key a closed order or parcel is grouped by in the history: its villager's id, '' for a parcel matched to none. */
export const historyKey = v.pipe(v.string(), v.regex(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/));

/** Since protocol 6: a page of the closed history. Without `upTo` the server takes its latest seq; without `after`, from the first villager. */
export const historyQuery = v.object({
  upTo: v.optional(v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number))),
  after: v.optional(historyKey),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number), v.minValue(1), v.maxValue(LIMITS.pullMaxRows)),
  ),
  protocol: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/), v.transform(Number))),
});

