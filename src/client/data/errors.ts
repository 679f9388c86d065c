/**
 * Every error the tablet shows to a person has one of these codes; the UI
 * translates `errors.<code>`. `toAppError` is the one place that maps what
 * the browser, Dexie or the network threw onto a code.
 */
export const AppErrorCode = {
  serverUnreachable: 'server_unreachable',
  enrolCodeInvalid: 'enrol_code_invalid',
  enrolCodeExpired: 'enrol_code_expired',
  enrolCodeUsed: 'enrol_code_used',
  wrongPin: 'wrong_pin',
  /** Too many wrong PINs for this person: see `retryAfterSeconds`. */
  lockedOut: 'locked_out',
  /** The action needs an admin's PIN. */
  notAdmin: 'not_admin',
  notLoggedIn: 'not_logged_in',
  notEnrolled: 'not_enrolled',
  storageFull: 'storage_full',
  invalidInput: 'invalid_input',
  deviceRevoked: 'device_revoked',
  unsupportedProtocol: 'unsupported_protocol',
  serverError: 'server_error',
  /** The server's answer was not what the protocol says: nothing of it was written. */
  badReply: 'bad_reply',
  /** Too many attempts: see `retryAfterSeconds`. */
  rateLimited: 'rate_limited',
  /** The server cannot write just now (its disk, its database): retried later, nothing refused. */
  storageUnavailable: 'storage_unavailable',
  unknown: 'unknown',
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(AppErrorCode));

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

export interface AppErrorOptions {
  detail?: string | undefined;
  /** The input refused, as a dot path into the command's args (`names.en`, `unit`). */
  field?: string | undefined;
  /** From a Retry-After header: when trying again may succeed. */
  retryAfterSeconds?: number | undefined;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra machine-readable reason, e.g. the refusal code of an invalid input. */
  readonly detail: string | undefined;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Detail of an invalid_input whose text holds a character no store can keep (NUL, half a surrogate pair). */
export const UNSTORABLE_TEXT_DETAIL = 'unstorable_text';

/** Detail of an invalid_input when a sale's credit part passes the villager's limit and no admin allowed it. */
export const CREDIT_OVER_LIMIT = 'credit_over_limit';

/** Seconds from a Retry-After header (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const text = header.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Maps an API error body's `error` code onto what the tablet shows. */
export function fromApiError(status: number, apiCode: string | undefined, retryAfter?: number): AppError {
  if (status === 401) return new AppError(AppErrorCode.deviceRevoked, { detail: apiCode });
  // Busy or unable to write: nothing is wrong with what the tablet sent, so it waits and sends it again.
  if (status === 429 || apiCode === AppErrorCode.rateLimited) {
    return new AppError(AppErrorCode.rateLimited, { detail: apiCode, retryAfterSeconds: retryAfter });
  }
  if (apiCode === AppErrorCode.storageUnavailable) {
    return new AppError(AppErrorCode.storageUnavailable, { detail: apiCode, retryAfterSeconds: retryAfter });
  }
  if (apiCode && isAppErrorCode(apiCode)) return new AppError(apiCode, { retryAfterSeconds: retryAfter });
  // A batch that overtook its predecessor too long is the server's to sort out: retried later.
  if (status >= 500 || status === 409) return new AppError(AppErrorCode.serverError, { detail: apiCode, retryAfterSeconds: retryAfter });
  return new AppError(AppErrorCode.unknown, { detail: apiCode ?? String(status) });
}

function nameOf(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string') return e.name;
  return undefined;
}

export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const name = nameOf(e);
  // Dexie wraps IndexedDB errors but keeps the DOMException's name; the inner
  // error may also sit in `inner` (Dexie) or `cause`.
  if (name === 'QuotaExceededError') return new AppError(AppErrorCode.storageFull, { cause: e });
  if (typeof e === 'object' && e !== null) {
    const inner = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
    if (inner && nameOf(inner) === 'QuotaExceededError') return new AppError(AppErrorCode.storageFull, { cause: e });
  }
  // fetch rejects with a TypeError when the network (not the server) failed.
  if (e instanceof TypeError) return new AppError(AppErrorCode.serverUnreachable, { cause: e });
  if (name === 'AbortError' || name === 'TimeoutError') return new AppError(AppErrorCode.serverUnreachable, { cause: e });
  return new AppError(AppErrorCode.unknown, { detail: e instanceof Error ? e.message : String(e), cause: e });
}
