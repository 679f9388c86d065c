import * as v from 'valibot';
import { PACK_API, packListResponse, packVersionResponse, type PackSummary, type PackVersionResponse } from '../../../shared/packs/pack-api';
import { BadReply } from '../../../shared/protocol/replies';
import { readReply, send, type Transport } from '../../sync/transport';

/** How the tablet reaches the pack endpoints: its transport, the server's origin and its device token. */
export interface PackEndpoint {
  transport: Transport;
  baseUrl: string;
  token: string;
}

/** A media answer may take long on a slow link; a cut or a pause ends it sooner, and the next request resumes. */
const MEDIA_TIMEOUT_MS = 10 * 60_000;

function checked<S extends v.GenericSchema>(schema: S, what: string) {
  return (value: unknown): v.InferOutput<S> => {
    const result = v.safeParse(schema, value);
    if (!result.success) throw new BadReply(`${what}: ${result.issues[0].message}`.slice(0, 300));
    return result.output;
  };
}

function request(endpoint: PackEndpoint, path: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${endpoint.token}`);
  return new Request(new URL(path, endpoint.baseUrl), { ...init, headers });
}

/** The newest version of every pack the county offers. */
export async function fetchPackList(endpoint: PackEndpoint): Promise<PackSummary[]> {
  const response = await send(endpoint.transport, request(endpoint, PACK_API.list));
  return (await readReply(response, checked(packListResponse, 'pack list'))).packs;
}

/** One version's manifest, every file with its sha256 and size. */
export async function fetchPackVersion(endpoint: PackEndpoint, id: string, version: number): Promise<PackVersionResponse> {
  const response = await send(endpoint.transport, request(endpoint, PACK_API.version(id, version)));
  return readReply(response, checked(packVersionResponse, 'pack version'));
}

/**
 * A media file from byte `from` on. If-Range names the file's ETag (its hash
 * in quotes): a server holding other bytes under that address answers the
 * whole file instead of a part that would not fit. Not kept in the HTTP
 * cache: the bytes go to IndexedDB, and a second copy would only take space.
 */
export function fetchMedia(endpoint: PackEndpoint, sha256: string, from: number, signal: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = {};
  if (from > 0) {
    headers.Range = `bytes=${from}-`;
    headers['If-Range'] = `"${sha256}"`;
  }
  return send(endpoint.transport, request(endpoint, PACK_API.media(sha256), { headers, signal, cache: 'no-store' }), MEDIA_TIMEOUT_MS);
}
