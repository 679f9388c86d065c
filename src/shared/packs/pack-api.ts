import * as v from 'valibot';
import { packId, storedPackManifest } from './pack-manifest';

/**
 * The tablet's pack endpoints (device bearer token). Packs are county-wide:
 * any enrolled tablet may read every pack.
 */
export const PACK_API = {
  /** GET: the newest version of every pack (PackListResponse). */
  list: '/api/packs',
  /** GET: one version's manifest (PackVersionResponse). */
  version: (id: string, version: number) => `/api/packs/${id}/versions/${version}`,
  /** GET: a media file by its sha256, with Range and If-None-Match. */
  media: (sha256: string) => `/api/packs/media/${sha256}`,
} as const;

/** The county admin area's pack endpoints (session cookie; an upload also needs the CSRF token). */
export const COUNTY_PACK_API = {
  /** GET: every pack's newest version (PackListResponse). POST: a pack zip as the body (PackImportResponse). */
  packs: '/api/county/packs',
} as const;

/** The largest pack zip the admin area takes in one upload; bigger packs go through `npm run admin -- import-pack`. */
export const PACK_UPLOAD_MAX_BYTES = 256 * 1024 * 1024;

/** Where media answers live: the one API path whose answers a cache may keep. */
export const PACK_MEDIA_PREFIX = '/api/packs/media/';

const localText = v.strictObject({ 'zh-CN': v.string(), en: v.string(), ug: v.string() });
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const packSummary = v.strictObject({
  id: packId,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  title: localText,
  summary: localText,
  /** Bytes of all its files: what a download of the whole pack costs. */
  totalBytes: count,
  fileCount: count,
  importedAt: v.pipe(v.string(), v.isoTimestamp()),
});
export type PackSummary = v.InferOutput<typeof packSummary>;

export const packListResponse = v.strictObject({ packs: v.array(packSummary) });
export type PackListResponse = v.InferOutput<typeof packListResponse>;

export const packVersionResponse = v.strictObject({
  id: packId,
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  totalBytes: count,
  importedAt: v.pipe(v.string(), v.isoTimestamp()),
  manifest: storedPackManifest,
});
export type PackVersionResponse = v.InferOutput<typeof packVersionResponse>;

/** What an import did: `created` false when the newest version already held exactly this pack. */
export interface PackImportResponse {
  id: string;
  version: number;
  created: boolean;
  files: number;
  totalBytes: number;
  /** Files the server did not hold before: a new version stores only what changed. */
  newFiles: number;
  newBytes: number;
}

/** Why a pack was refused whole (an `import_refused` answer's `reason`); nothing of it was kept. */
export const PACK_REFUSALS = [
  'not_found',
  'not_a_zip',
  'no_manifest',
  'bad_manifest',
  'path_escape',
  'missing_file',
  'size_mismatch',
  'checksum_mismatch',
  'too_large',
] as const;
export type PackRefusalReason = (typeof PACK_REFUSALS)[number];
