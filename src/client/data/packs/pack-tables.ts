import type { StoredPackManifest } from '../../../shared/packs/pack-manifest';
import type { PackSummary } from '../../../shared/packs/pack-api';

/** One version of a pack as the tablet holds it: its manifest says what to show and which files it needs. */
export interface HeldVersion {
  version: number;
  manifest: StoredPackManifest;
  totalBytes: number;
}

/**
 * A course pack on this tablet (local, never synced). `ready` is the version
 * the lessons play from; `wanted` a version being downloaded (the first one,
 * or an update), which replaces `ready` only once all of it is checked.
 */
export interface PackRow {
  id: string;
  ready?: HeldVersion | undefined;
  wanted?: HeldVersion | undefined;
  /** Why the last download attempt stopped (an AppErrorCode), until the next one starts. */
  stoppedBy?: string | undefined;
  /** The county no longer offers this pack: it keeps working here, with a notice. */
  removedOnServer?: boolean | undefined;
  updatedAt: string;
}

/**
 * A media file, kept once by its sha256 and shared by every pack version
 * that lists it. `storedBytes` counts the bytes in its chunks; `verified`
 * is set only after those bytes hashed to `sha256`.
 */
export interface PackFileRow {
  sha256: string;
  size: number;
  type: string;
  storedBytes: number;
  /** How many chunks hold those bytes: the next chunk's index. */
  chunks: number;
  verified: boolean;
}

/** Consecutive bytes of a file, in the order of `index`, saved as they arrived. */
export interface PackChunkRow {
  sha256: string;
  index: number;
  data: Blob;
}

/** A pack the county offers, as last listed by the server (kept for offline reading). */
export interface PackCatalogRow extends PackSummary {
  listedAt: string;
}
