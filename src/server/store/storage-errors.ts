/**
 * The database cannot be used right now (disk full, read-only, unreachable,
 * shutting down): nothing is wrong with the request, and the same request
 * may succeed later. Answered 503 with Retry-After, never turned into a
 * refusal of a mutation.
 */
export class StorageUnavailable extends Error {
  constructor(
    message: string,
    /** The driver's code: SQLITE_FULL, a PostgreSQL SQLSTATE, ECONNREFUSED… */
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageUnavailable';
  }
}

/** Socket failures on the way to PostgreSQL. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** SQLite result codes (better-sqlite3 puts extended ones, e.g. SQLITE_IOERR_WRITE, in `code`). */
function sqliteUnavailable(code: string): boolean {
  return (
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_CANTOPEN' ||
    code === 'SQLITE_BUSY' ||
    code.startsWith('SQLITE_BUSY_') ||
    code.startsWith('SQLITE_IOERR') ||
    code.startsWith('SQLITE_READONLY')
  );
}

/**
 * PostgreSQL SQLSTATEs: class 53 (insufficient resources: 53100 disk_full,
 * 53200 out_of_memory, 53300 too_many_connections), 57P01–57P03 (shutdown,
 * crash, cannot connect now), class 08 (connection exceptions) and 25006
 * (read-only transaction, e.g. a standby).
 */
function postgresUnavailable(code: string): boolean {
  if (!/^[0-9A-Z]{5}$/.test(code)) return false;
  return code.startsWith('53') || code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '25006';
}

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

// pg reports a connection lost mid-query without a code.
const LOST_CONNECTION = /^Connection terminated/;

/**
 * The StorageUnavailable this error means, or undefined for any other error.
 * Looks through `cause` and AggregateError members (a refused connection to
 * a host with two addresses is reported as one AggregateError).
 */
export function storageUnavailable(error: unknown, depth = 0): StorageUnavailable | undefined {
  if (error instanceof StorageUnavailable) return error;
  if (typeof error !== 'object' || error === null || depth > 4) return undefined;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && (sqliteUnavailable(code) || postgresUnavailable(code) || NETWORK_CODES.has(code))) {
    return new StorageUnavailable(`storage unavailable (${code}): ${message}`, code, { cause: error });
  }
  if (error instanceof Error && LOST_CONNECTION.test(error.message)) {
    return new StorageUnavailable(`storage unavailable: ${message}`, 'connection_lost', { cause: error });
  }
  const inner = [
    ...(error instanceof AggregateError ? (error.errors as unknown[]) : []),
    ...(error instanceof Error && error.cause !== undefined ? [error.cause] : []),
  ];
  for (const e of inner) {
    const found = storageUnavailable(e, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Seconds a client is told to wait before trying again. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/**
 * The store ended the transaction itself (SQLite does on some I/O errors):
 * nothing more can be written in it, so the request fails as a whole.
 */
export class TransactionLost extends Error {
  constructor(options?: { cause?: unknown }) {
    super('the store ended the transaction', options);
    this.name = 'TransactionLost';
  }
}

/** Whether an error a store threw while writing one mutation may become that mutation's refusal. */
export function isRefusableStoreError(error: unknown): boolean {
  return !(error instanceof TransactionLost) && storageUnavailable(error) === undefined;
}
