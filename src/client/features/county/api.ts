import { COUNTY_API, CSRF_HEADER } from '../../../shared/protocol/county';
import { retryAfterSeconds } from '../../data/errors';

/** What went wrong, as a code the screens translate (`county:errors.<code>`). */
export class CountyError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly retryAfterSeconds?: number | undefined,
    /** An upload refused whole (`import_refused`): why, as a code, and the server's words naming the problem. */
    readonly refusal?: { reason: string; detail: string } | undefined,
  ) {
    super(code);
    this.name = 'CountyError';
  }
}

/** Codes with a message of their own; any other becomes `unknown`. */
const KNOWN = new Set([
  'offline',
  'bad_credentials',
  'rate_limited',
  'session_expired',
  'unauthorized',
  'csrf',
  'invalid_body',
  'import_refused',
  'not_found',
  'body_too_large',
  'storage_unavailable',
]);

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** JSON, or a Blob sent as it is (a course pack zip). */
  body?: unknown;
  csrfToken?: string | undefined;
}

/**
 * One call to the county API. The session cookie goes along by itself
 * (same origin); a POST carries the CSRF token. No retries: a person is
 * watching and decides whether to try again.
 */
export async function countyRequest<T>(path: string, { method = 'GET', body, csrfToken }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const raw = body instanceof Blob;
  if (body !== undefined) headers['content-type'] = raw ? 'application/zip' : 'application/json';
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { body: raw ? body : JSON.stringify(body) } : {}),
    });
  } catch {
    throw new CountyError('offline', 0);
  }
  if (response.status === 204) return undefined as T;
  const json = (await response.json().catch(() => null)) as { error?: unknown; message?: unknown; reason?: unknown } | null;
  if (response.ok && json !== null) return json as T;
  const code = typeof json?.error === 'string' && KNOWN.has(json.error) ? json.error : 'unknown';
  const refusal =
    typeof json?.reason === 'string' && typeof json.message === 'string' ? { reason: json.reason, detail: json.message } : undefined;
  throw new CountyError(code, response.status, retryAfterSeconds(response.headers.get('retry-after')), refusal);
}

export { COUNTY_API };
