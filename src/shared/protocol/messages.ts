import * as v from 'valibot';
import type { AnyRow, Centre, TableName } from '../domain/entities';
import type { RefusalCode } from '../domain/refusals';
import { isoTime, shortText, uuid } from '../mutations/fields';

/** Bounds on the wire (S4): a batch is small enough to commit on its own. */
export const LIMITS = {
  /** A tablet grows its batches up to this while requests come back quickly. */
  pushMaxMutations: 1000,
  /** Decompressed request body. */
  maxBodyBytes: 4 * 1024 * 1024,
  pullDefaultRows: 2000,
  pullMaxRows: 5000,
} as const;

/** One queued user action as it travels. Device and version travel once per batch. */
const mutationEnvelope = v.strictObject({
  id: uuid,
  kind: v.pipe(v.string(), v.maxLength(64)),
  args: v.unknown(),
  staffId: uuid,
  createdAt: isoTime,
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
  results: MutationResult[];
}

/**
 * A page of the centre's change feed: the latest version of every row whose
 * seq is after the cursor, grouped by table. `cursor` is the last seq in it.
 */
export interface PullResponse {
  rows: Partial<Record<TableName, AnyRow[]>>;
  cursor: number;
  hasMore: boolean;
}

export const enrolRequest = v.strictObject({
  code: v.pipe(v.string(), v.trim(), v.minLength(4), v.maxLength(64)),
  deviceName: shortText(80),
});
export type EnrolRequest = v.InferOutput<typeof enrolRequest>;

export interface EnrolResponse {
  deviceId: string;
  /** 1, 2, 3… within the centre: the tablet's receipt prefix comes from it. */
  deviceNo: number;
  token: string;
  centre: Centre;
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
  deviceMismatch: 'device_mismatch',
  unsupportedProtocol: 'unsupported_protocol',
  /** The batch named in `after` is not applied yet: send this one again after its answer. */
  outOfOrder: 'out_of_order',
  enrolCodeInvalid: 'enrol_code_invalid',
  enrolCodeExpired: 'enrol_code_expired',
  enrolCodeUsed: 'enrol_code_used',
  notFound: 'not_found',
  internal: 'internal',
  unavailable: 'unavailable',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export const pullQuery = v.object({
  after: v.pipe(v.string(), v.regex(/^\d{1,15}$/), v.transform(Number)),
  limit: v.optional(
    v.pipe(v.string(), v.regex(/^\d{1,5}$/), v.transform(Number), v.minValue(1), v.maxValue(LIMITS.pullMaxRows)),
  ),
});

