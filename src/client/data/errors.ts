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
  notLoggedIn: 'not_logged_in',
  notEnrolled: 'not_enrolled',
  storageFull: 'storage_full',
  invalidInput: 'invalid_input',
  deviceRevoked: 'device_revoked',
  unsupportedProtocol: 'unsupported_protocol',
  serverError: 'server_error',
  unknown: 'unknown',
} as const;
export type AppErrorCode = (typeof AppErrorCode)[keyof typeof AppErrorCode];

const CODES: ReadonlySet<string> = new Set(Object.values(AppErrorCode));

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Extra machine-readable reason, e.g. the refusal code of an invalid input. */
  readonly detail: string | undefined;

  constructor(code: AppErrorCode, options: { detail?: string | undefined; cause?: unknown } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.detail = options.detail;
  }
}

/** Maps an API error body's `error` code onto what the tablet shows. */
export function fromApiError(status: number, apiCode: string | undefined): AppError {
  if (status === 401) return new AppError(AppErrorCode.deviceRevoked, { detail: apiCode });
  if (apiCode && isAppErrorCode(apiCode)) return new AppError(apiCode);
  // A batch that overtook its predecessor too long is the server's to sort out: retried later.
  if (status >= 500 || status === 409) return new AppError(AppErrorCode.serverError, { detail: apiCode });
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
