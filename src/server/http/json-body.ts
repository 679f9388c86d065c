import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import * as v from 'valibot';
import { ApiErrorCode, LIMITS } from '../../shared/protocol/messages';
import { ApiError } from './api-error';

const gunzipAsync = promisify(gunzip);

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, ApiErrorCode.bodyTooLarge, `request body is larger than ${maxBytes} bytes`);
}

/** Reads at most `maxBytes`, stopping as soon as the body is known to be too big. */
async function readRaw(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function decode(raw: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
  // readRaw already bounded the bytes received.
  if (encoding === 'identity') return raw;
  try {
    // maxOutputLength stops a small "zip bomb" before it fills memory.
    return await gunzipAsync(raw, { maxOutputLength: maxBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(maxBytes);
    throw new ApiError(400, ApiErrorCode.invalidBody, 'body is not valid gzip');
  }
}

export interface JsonBodyOptions<S extends v.GenericSchema> {
  /**
   * A quick check tried before `schema`, which is costly on large bodies:
   * yes only for bodies the schema accepts and keeps unchanged.
   */
  accepts?: (body: unknown) => body is v.InferOutput<S>;
  /**
   * Bytes the body may have, both as received and after decompression
   * (default LIMITS.maxBodyBytes). Bodies sent without a device token take
   * LIMITS.unauthenticatedBodyBytes, so a stranger cannot make the server
   * inflate and parse megabytes.
   */
  maxBytes?: number;
}

/** `application/json`, parameters such as charset allowed. */
function isJson(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

/**
 * The request body as JSON checked against `schema`. Accepts identity or
 * gzip (S9); bounds both the bytes received and the bytes decompressed.
 */
export async function readJsonBody<S extends v.GenericSchema>(
  request: Request,
  schema: S,
  { accepts, maxBytes = LIMITS.maxBodyBytes }: JsonBodyOptions<S> = {},
): Promise<v.InferOutput<S>> {
  if (!isJson(request.headers.get('content-type'))) {
    throw new ApiError(415, ApiErrorCode.unsupportedMediaType, 'content-type must be application/json');
  }
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase() || 'identity';
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError(415, ApiErrorCode.unsupportedEncoding, `content-encoding "${encoding.slice(0, 40)}" is not supported; use gzip`);
  }
  const bytes = await decode(await readRaw(request, maxBytes), encoding, maxBytes);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ApiError(400, ApiErrorCode.invalidBody, 'body is not valid JSON');
  }
  if (accepts?.(json)) return json;
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue);
    throw new ApiError(400, ApiErrorCode.invalidBody, `${path ? `${path}: ` : ''}${issue.message}`.slice(0, 200));
  }
  return parsed.output;
}
