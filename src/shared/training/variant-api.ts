import type { LocalizedName } from '../domain/entities';
import type { PackImportResponse } from '../packs/pack-api';
import type { PackLesson } from '../packs/pack-manifest';
import type { LessonVariant, VariantChanges } from './lesson-variants';

/**
 * The county admin area's lesson variant endpoints (session cookie; a
 * promotion also needs the CSRF token). A variant is named by its pack,
 * its centre and its lesson: one variant per lesson and centre.
 */
export const COUNTY_VARIANT_API = {
  /** GET: every centre's variants of the pack's lessons (PackVariantsResponse). */
  ofPack: (packId: string) => `/api/county/packs/${encodeURIComponent(packId)}/variants`,
  /** GET: one variant with the lesson it adapts (VariantDetailResponse). */
  one: (packId: string, centreId: string, lessonId: string) =>
    `/api/county/packs/${encodeURIComponent(packId)}/variants/${encodeURIComponent(centreId)}/${encodeURIComponent(lessonId)}`,
  /** GET: a photo the variant shows (image/jpeg). */
  photo: (packId: string, centreId: string, lessonId: string, sha256: string) =>
    `${COUNTY_VARIANT_API.one(packId, centreId, lessonId)}/photos/${sha256}`,
  /** POST: makes the variant the lesson of the pack's next version (VariantPromotedResponse). */
  promote: (packId: string, centreId: string, lessonId: string) => `${COUNTY_VARIANT_API.one(packId, centreId, lessonId)}/promote`,
} as const;

/** One centre's variant of a lesson, as the county's list shows it. */
export interface VariantSummary {
  centreId: string;
  centreName: LocalizedName;
  lessonId: string;
  /** The lesson's title in the newest version (absent: that version has no such lesson). */
  lessonTitle?: LocalizedName | undefined;
  /** Who saved it last, and when (the tablet's time). */
  staffName: string;
  updatedAt: string;
  baseVersion: number;
  /** The newest version's lesson differs from the one the variant was made on. */
  originalChanged: boolean;
  changes: VariantChanges;
  /** The pack version this very save was promoted into, if it was. */
  promotedVersion?: number | undefined;
}

export interface PackVariantsResponse {
  packId: string;
  /** The newest version of the pack. */
  version: number;
  title: LocalizedName;
  variants: VariantSummary[];
}

export interface VariantDetailResponse {
  summary: VariantSummary;
  variant: LessonVariant;
  /** The lesson as the newest version has it (absent when that version dropped it). */
  lesson?: PackLesson | undefined;
  version: number;
}

export interface VariantPromotedResponse extends PackImportResponse {
  /** False when this save had been promoted before: its version is answered again. */
  promoted: boolean;
}
