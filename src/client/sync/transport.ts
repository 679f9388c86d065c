import { BadReply, readErrorReply } from '../../shared/protocol/replies';
import { AppError, AppErrorCode, fromApiError, retryAfterSeconds, toAppError } from '../data/errors';

/** Sends one HTTP request. The app uses fetch; tests pass a server's `app.fetch`. */
export type Transport = (request: Request) => Promise<Response>;

export const fetchTransport: Transport = (request) => fetch(request);

/** A piece of text and its UTF-8 length in bytes, known beforehand. */
export interface SizedText {
  text: string;
  bytes: number;
}

/**
 * The UTF-8 bytes of `parts` in order. Encoding into one buffer of the known
 * size takes half the time of `TextEncoder.encode`, which sizes and copies
 * its own; a wrong size falls back to that rather than send a broken body.
 */
export function encodeUtf8(parts: readonly SizedText[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.bytes, 0));
  let at = 0;
  for (const { text, bytes: size } of parts) {
    const { read, written } = encoder.encodeInto(text, bytes.subarray(at, at + size));
    if (read !== text.length || written !== size) return encoder.encode(parts.map((p) => p.text).join(''));
    at += size;
  }
  return bytes;
}

/**
 * gzip of the UTF-8 text made of `parts` (S9); plain text where
 * CompressionStream is missing. The text is not put in a Blob: that sends it
 * through the browser process before the compressor reads it back.
 */
export async function gzipText(parts: readonly SizedText[]): Promise<{ body: Uint8Array<ArrayBuffer>; encoding: 'gzip' | null }> {
  const text = encodeUtf8(parts);
  if (typeof CompressionStream === 'undefined') return { body: text, encoding: null };
  const compressor = new CompressionStream('gzip');
  const writer = compressor.writable.getWriter();
  // Reading the output is what drains the write, so both are awaited together.
  const written = Promise.all([writer.write(text), writer.close()]);
  const [body] = await Promise.all([new Response(compressor.readable).arrayBuffer(), written]);
  return { body: new Uint8Array(body), encoding: 'gzip' };
}

/**
 * A request not answered and read in this time is given up as unreachable.
 * Without a bound, one connection that hangs (a half-open socket after the
 * link dropped) would stall syncing for good. Long enough for a full push
 * batch over a 2G link.
 */
export const REQUEST_TIMEOUT_MS = 120_000;

/**
 * A signal that aborts after `ms`. Not AbortSignal.timeout: combined with
 * AbortSignal.any, nothing keeps that one alive and (in Node 20) it may be
 * collected before it fires; the timer here holds its controller.
 */
function timeoutSignal(ms: number): AbortSignal {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('no answer in time', 'TimeoutError')), ms);
  // In Node a pending timer would keep a finished process up.
  (timer as { unref?: () => void }).unref?.();
  return controller.signal;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/**
 * The signal bounding each answer's request, kept with the answer while it
 * lives. Its body is read under the same bound (see `bodyText`), and holding
 * the signal here keeps it alive: a signal made by AbortSignal.any may
 * otherwise be collected (Node 20) and its abort, or its timeout, never reach
 * a body still being read.
 */
const answerBounds = new WeakMap<Response, AbortSignal>();

/** Sends, mapping a network failure to server_unreachable and an error status to its code. */
export async function send(transport: Transport, request: Request, timeoutMs: number = REQUEST_TIMEOUT_MS): Promise<Response> {
  let response: Response;
  // The same signal also ends a body that stops arriving halfway. The race
  // is for a transport that does not watch the signal.
  const signal = AbortSignal.any([request.signal, timeoutSignal(timeoutMs)]);
  try {
    response = await Promise.race([transport(new Request(request, { signal })), rejectOnAbort(signal)]);
  } catch (e) {
    const error = toAppError(e);
    throw error.code === AppErrorCode.unknown ? new AppError(AppErrorCode.serverUnreachable, { cause: e }) : error;
  }
  answerBounds.set(response, signal);
  if (response.ok) return response;
  throw await errorOf(response);
}

/**
 * The whole body of an answer as text, given up when its request's bound
 * ends (timeout, or the caller's abort) even where the fetch underneath
 * misses that: an answer cut at the wrong moment must fail, never hang.
 */
function bodyText(response: Response): Promise<string> {
  const bound = answerBounds.get(response);
  return bound ? Promise.race([response.text(), rejectOnAbort(bound)]) : response.text();
}

/** The AppError an error response stands for; a body that is not the protocol's error shape counts by its status alone. */
export async function errorOf(response: Response): Promise<AppError> {
  const body = readErrorReply(await bodyText(response).then(JSON.parse).catch(() => null));
  return fromApiError(response.status, body?.error, retryAfterSeconds(response.headers.get('Retry-After')));
}

/**
 * The JSON body of a successful reply, checked by `check`. A body that is not
 * JSON, or not the shape the protocol says, is a bad reply; a cut while
 * reading it is the network's.
 */
export async function readReply<T>(response: Response, check: (body: unknown) => T): Promise<T> {
  let text: string;
  try {
    text = await bodyText(response);
  } catch (e) {
    throw new AppError(AppErrorCode.serverUnreachable, { cause: e });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new AppError(AppErrorCode.badReply, { detail: 'not JSON', cause: e });
  }
  try {
    return check(body);
  } catch (e) {
    if (e instanceof BadReply) throw new AppError(AppErrorCode.badReply, { detail: e.message, cause: e });
    throw e;
  }
}

/**
 * The server's clock from a reply: its `serverTime`, else the HTTP Date
 * header (whole seconds, enough to see a tablet hours or days off).
 */
export function serverTimeOf(response: Response, serverTime: string | undefined): number | null {
  const text = serverTime ?? response.headers.get('Date');
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}
