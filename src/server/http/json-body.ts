import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import * as v from 'valibot';
import { ApiErrorCode, LIMITS } from '../../shared/protocol/messages';
import { ApiError } from './api-error';

const gunzipAsync = promisify(gunzip);

/** Bytes a body may have, both as received (compressed or not) and after decompression. */
const MAX_BODY_BYTES = LIMITS.maxBodyBytes;

function tooLarge(): ApiError {
  return new ApiError(413, ApiErrorCode.bodyTooLarge, `request body is larger than ${MAX_BODY_BYTES} bytes`);
}

/** Reads at most MAX_BODY_BYTES, stopping as soon as the body is known to be too big. */
async function readRaw(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function decode(raw: Buffer, encoding: string): Promise<Buffer> {
  // readRaw already bounded the bytes received.
  if (encoding === 'identity') return raw;
  try {
    // maxOutputLength stops a small "zip bomb" before it fills memory.
    return await gunzipAsync(raw, { maxOutputLength: MAX_BODY_BYTES });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw new ApiError(400, ApiErrorCode.invalidBody, 'body is not valid gzip');
  }
}

export interface JsonBodyOptions<S extends v.GenericSchema> {
  /**
   * A quick check tried before `schema`, which is costly on large bodies:
   * yes only for bodies the schema accepts and keeps unchanged.
   */
  accepts?: (body: unknown) => body is v.InferOutput<S>;
}

/**
 * The request body as JSON checked against `schema`. Accepts identity or
 * gzip (S9); bounds both the bytes received and the bytes decompressed.
 */
export async function readJsonBody<S extends v.GenericSchema>(
  request: Request,
  schema: S,
  { accepts }: JsonBodyOptions<S> = {},
): Promise<v.InferOutput<S>> {
  const encoding = (request.headers.get('content-encoding') ?? 'identity').trim().toLowerCase() || 'identity';
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ApiError(415, ApiErrorCode.unsupportedEncoding, `content-encoding "${encoding.slice(0, 40)}" is not supported; use gzip`);
  }
  const bytes = await decode(await readRaw(request), encoding);
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
