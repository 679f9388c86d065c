import type { ErrorBody } from '../../shared/protocol/messages';
import { AppError, AppErrorCode, fromApiError, toAppError } from '../data/errors';

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
