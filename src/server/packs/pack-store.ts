import { canonicalJson } from '../../shared/auth/canonical-json';
import type { StoredPackManifest } from '../../shared/packs/pack-manifest';

/** A pack version about to be recorded; its media files are already on disk. */
export interface NewPackVersion {
  manifest: StoredPackManifest;
  importedAt: string;
}

export interface StoredPackVersion {
  id: string;
  version: number;
  manifest: StoredPackManifest;
  totalBytes: number;
  fileCount: number;
  importedAt: string;
}

export interface MediaFileRecord {
  sha256: string;
  size: number;
  type: string;
}

/** `created` false: the newest version already had this very manifest, and is returned. */
export interface RecordedVersion {
  version: number;
  created: boolean;
}

/**
 * Course packs and the media files they use. Packs are county-wide, not
 * rows of a centre: any enrolled tablet reads them. Both stores implement it.
 */
export interface PackStore {
  /**
   * In one transaction: records each media file once (by sha256) and the pack
   * as its next version (1 for a new id) with the files it uses. Importing
   * the same manifest again returns the newest version unchanged (S13).
   */
  recordVersion(pack: NewPackVersion): Promise<RecordedVersion>;
  /** The newest version of every pack, by id. */
  latestVersions(): Promise<StoredPackVersion[]>;
  getVersion(id: string, version: number): Promise<StoredPackVersion | undefined>;
  mediaFile(sha256: string): Promise<MediaFileRecord | undefined>;
  /** Which of these hashes are recorded media files. */
  knownMedia(sha256s: readonly string[]): Promise<Set<string>>;
}

export function totalBytesOf(manifest: StoredPackManifest): number {
  return manifest.files.reduce((sum, f) => sum + f.size, 0);
}

/** Two manifests are the same pack version when their canonical JSON is. */
export function sameManifest(a: StoredPackManifest, b: StoredPackManifest): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A `packs` row as both databases return it (manifest: text in SQLite, parsed JSONB in PostgreSQL). */
export interface PackRecord {
  id: string;
  version: number;
  manifest: string | StoredPackManifest;
  total_bytes: number | string;
  file_count: number;
  imported_at: string;
}

export const PACK_COLUMNS = 'id, version, manifest, total_bytes, file_count, imported_at';

export function toPackVersion(r: PackRecord): StoredPackVersion {
  return {
    id: r.id,
    version: Number(r.version),
    manifest: typeof r.manifest === 'string' ? (JSON.parse(r.manifest) as StoredPackManifest) : r.manifest,
    totalBytes: Number(r.total_bytes),
    fileCount: Number(r.file_count),
    importedAt: r.imported_at,
  };
}
