import type { ErrorBody } from '../../shared/protocol/messages';
import { AppError, AppErrorCode, fromApiError, toAppError } from '../data/errors';

/** Sends one HTTP request. The app uses fetch; tests pass a server's `app.fetch`. */
export type Transport = (request: Request) => Promise<Response>;

export const fetchTransport: Transport = (request) => fetch(request);

/** gzip of UTF-8 text (S9); plain text where CompressionStream is missing. */
export async function gzipText(text: string): Promise<{ body: Uint8Array<ArrayBuffer>; encoding: 'gzip' | null }> {
  if (typeof CompressionStream === 'undefined') return { body: new TextEncoder().encode(text), encoding: null };
  // A Blob encodes the string as UTF-8 itself: no extra copy of the body on the way in.
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: new Uint8Array(await new Response(stream).arrayBuffer()), encoding: 'gzip' };
}

/** Sends, mapping a network failure to server_unreachable and an error status to its code. */
export async function send(transport: Transport, request: Request): Promise<Response> {
  let response: Response;
  try {
    response = await transport(request);
  } catch (e) {
    const error = toAppError(e);
    throw error.code === AppErrorCode.unknown ? new AppError(AppErrorCode.serverUnreachable, { cause: e }) : error;
  }
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  throw fromApiError(response.status, body?.error);
}
