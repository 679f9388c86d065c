import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Hono, type MiddlewareHandler } from 'hono';
import { COUNTY_PACK_API, PACK_UPLOAD_MAX_BYTES, type PackImportResponse, type PackListResponse } from '../../shared/packs/pack-api';
import { ApiErrorCode } from '../../shared/protocol/messages';
import type { CountyVariables } from '../county/require-county-admin';
import { ApiError } from '../http/api-error';
import type { Logger } from '../log';
import { importPack } from '../packs/import-pack';
import type { MediaFiles } from '../packs/media-files';
import { PackRefused } from '../packs/pack-refused';
import { packSummaryOf } from '../packs/pack-summary';
import type { Store } from '../store/store';

/** Browsers label a zip either way; a script may send plain bytes. */
const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']);

function tooLarge(): ApiError {
  return new ApiError(413, ApiErrorCode.bodyTooLarge, `a pack upload is at most ${PACK_UPLOAD_MAX_BYTES} bytes`);
}

/** Writes the request body to `file`, stopping as soon as it is too large. */
async function saveBody(request: Request, file: string): Promise<void> {
  if (Number(request.headers.get('content-length') ?? '0') > PACK_UPLOAD_MAX_BYTES) throw tooLarge();
  if (!request.body) throw new ApiError(400, ApiErrorCode.badRequest, 'the body holds no pack');
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > PACK_UPLOAD_MAX_BYTES ? tooLarge() : null, chunk);
    },
  });
  await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), limit, createWriteStream(file));
}

export interface CountyPackDeps {
  store: Store;
  media: MediaFiles | undefined;
  guard: MiddlewareHandler<{ Variables: CountyVariables }>;
  log: Logger;
}

/**
 * The county admin area's course packs: the list, and an upload of a pack
 * zip that is imported as the next version of its course. A refused pack
 * is answered 422 `import_refused` with the reason, and nothing is kept.
 */
export function countyPackRoutes({ store, media, guard, log }: CountyPackDeps): Hono<{ Variables: CountyVariables }> {
  return new Hono<{ Variables: CountyVariables }>()
    .get(COUNTY_PACK_API.packs, guard, async (c) => {
      const body: PackListResponse = { packs: (await store.packs.latestVersions()).map(packSummaryOf) };
      return c.json(body);
    })
    .post(COUNTY_PACK_API.packs, guard, async (c) => {
      if (!media) throw new ApiError(503, ApiErrorCode.unavailable, 'this server keeps no media files');
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!ZIP_TYPES.has(type)) throw new ApiError(415, ApiErrorCode.unsupportedMediaType, 'send the pack as a zip file (application/zip)');
      const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
      if (encoding !== 'identity') throw new ApiError(415, ApiErrorCode.unsupportedEncoding, 'send the zip as it is, not encoded again');
      const staging = await media.stagingDir();
      try {
        const upload = join(staging, 'upload.zip');
        await saveBody(c.req.raw, upload);
        const pack: PackImportResponse = await importPack(store, media, upload);
        log.info('county: pack imported', { admin: c.var.countySession.username, ...pack });
        return c.json(pack, pack.created ? 201 : 200);
      } catch (error) {
        if (!(error instanceof PackRefused)) throw error;
        log.warn('county: pack refused', { admin: c.var.countySession.username, reason: error.reason, message: error.message });
        return c.json({ error: ApiErrorCode.importRefused, message: error.message, reason: error.reason }, 422);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    });
}
