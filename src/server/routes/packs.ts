import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import * as v from 'valibot';
import { ApiErrorCode } from '../../shared/protocol/messages';
import type { PackListResponse, PackVersionResponse } from '../../shared/packs/pack-api';
import { packId, sha256Hex } from '../../shared/packs/pack-manifest';
import { requireDevice, type DeviceVariables } from '../auth/device-auth';
import { ApiError } from '../http/api-error';
import type { Logger } from '../log';
import { noneMatch, parseRange, rangeStillValid } from '../packs/byte-range';
import type { MediaFiles } from '../packs/media-files';
import { packSummaryOf } from '../packs/pack-summary';
import type { Store } from '../store/store';

/** A file's bytes never change under its hash: a cache may keep them for a year, untouched (no gzip). */
const MEDIA_CACHE = 'private, max-age=31536000, immutable, no-transform';
const versionNumber = v.pipe(v.string(), v.regex(/^[1-9]\d{0,8}$/), v.transform(Number));

function notFound(what: string): ApiError {
  return new ApiError(404, ApiErrorCode.notFound, `no such ${what}`);
}

/**
 * Course packs for tablets: the list, one version's manifest, and media
 * files by hash with Range and conditional requests, so a download cut on
 * a poor link goes on from where it stopped. Packs are county-wide: any
 * enrolled tablet reads them all; a request without a valid token is 401.
 */
export function packRoutes(store: Store, media: MediaFiles | undefined, log: Logger): Hono<{ Variables: DeviceVariables }> {
  const auth = requireDevice(store);
  return new Hono<{ Variables: DeviceVariables }>()
    .get('/api/packs', auth, async (c) => {
      const body: PackListResponse = { packs: (await store.packs.latestVersions()).map(packSummaryOf) };
      return c.json(body);
    })
    .get('/api/packs/:id/versions/:version', auth, async (c) => {
      const id = v.safeParse(packId, c.req.param('id'));
      const version = v.safeParse(versionNumber, c.req.param('version'));
      if (!id.success || !version.success) throw notFound('pack version');
      const found = await store.packs.getVersion(id.output, version.output);
      if (!found) throw notFound('pack version');
      const body: PackVersionResponse = {
        id: found.id,
        version: found.version,
        totalBytes: found.totalBytes,
        importedAt: found.importedAt,
        manifest: found.manifest,
      };
      return c.json(body);
    })
    .get('/api/packs/media/:sha256', auth, async (c) => {
      const hash = v.safeParse(sha256Hex, c.req.param('sha256'));
      if (!hash.success || !media) throw notFound('media file');
      const record = await store.packs.mediaFile(hash.output);
      if (!record) throw notFound('media file');
      const path = media.pathOf(record.sha256);
      const size = await stat(path).then(
        (s) => s.size,
        () => undefined,
      );
      if (size === undefined) {
        log.error('media file missing on disk', { sha256: record.sha256, path });
        throw notFound('media file');
      }
      const etag = `"${record.sha256}"`;
      const common = { ETag: etag, 'Cache-Control': MEDIA_CACHE, 'Accept-Ranges': 'bytes' };
      if (noneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, common);

      const range = rangeStillValid(c.req.header('if-range'), etag) ? parseRange(c.req.header('range'), size) : { kind: 'full' as const };
      if (range.kind === 'unsatisfiable') {
        return c.json({ error: ApiErrorCode.badRequest, message: `the range is not within the file's ${size} bytes` }, 416, {
          ...common,
          'Cache-Control': 'no-store',
          'Content-Range': `bytes */${size}`,
        });
      }
      const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
      const headers: Record<string, string> = {
        ...common,
        'Content-Type': record.type,
        'Content-Length': String(end - start + 1),
      };
      if (range.kind === 'part') headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      const status = range.kind === 'part' ? 206 : 200;
      if (c.req.method === 'HEAD') return c.body(null, status, headers);
      return c.body(Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>, status, headers);
    });
}
