import { canonicalJson } from '../auth/canonical-json';
import type { PackLesson, PackStep } from '../packs/pack-manifest';
import { deterministicId, sha256 } from '../domain/deterministic-id';
import { LANGUAGES, type Language, type RowBase } from '../domain/entities';

/**
 * A centre's local adaptation of one lesson of a course pack: the pack's
 * lesson stays as the county made it, and the variant records only the
 * edits (text per step and language, order, hidden steps, photo steps the
 * trainer added). It is played on top of whatever version the tablet holds,
 * so a new pack version never destroys it: steps the new version dropped
 * are skipped, steps it added come at the end, and `baseHash` tells that
 * the original changed since the variant was made.
 */

/** A step's text in some languages: what the trainer rewrote. A language left out keeps the pack's words. */
export type StepTexts = { [L in Language]?: string | undefined };

/** A step the trainer added: a photo taken with the tablet, and words for it. */
export interface VariantPhotoStep {
  id: string;
  sha256: string;
  text: StepTexts;
}

export interface LessonVariant extends RowBase {
  packId: string;
  lessonId: string;
  /** The pack version the trainer was looking at, and that lesson's content hash (lessonHash). */
  baseVersion: number;
  baseHash: string;
  /** Every step id (the pack's and the photos') in the order to play them. */
  order: string[];
  hidden: string[];
  /** Rewritten text, by step id. */
  texts: Record<string, StepTexts>;
  photos: VariantPhotoStep[];
  /** Who saved it last (createdBy made it first), and that save's mutation: the later save wins (variantSupersedes). */
  updatedBy: string;
  savedBy: string;
}

/** A photo a variant shows, kept once per centre by its sha256 (JPEG, base64 in `data`). */
export interface VariantPhoto extends RowBase {
  sha256: string;
  type: 'image/jpeg';
  size: number;
  data: string;
}

/** A photo taken with the tablet is downscaled to this many pixels on its longer side, as JPEG. */
export const VARIANT_PHOTO_MAX_PX = 1024;
/** …and must come to at most this many bytes: it travels in one push, and every tablet of the centre pulls it. */
export const VARIANT_PHOTO_MAX_BYTES = 200 * 1024;
/** Added photos per lesson: a pack lesson has at most 40 steps in all. */
export const VARIANT_PHOTOS_MAX = 10;

/**
 * The one variant of a lesson in a centre: two tablets adapting it offline
 * write the same row. Rows are kept per centre, so other centres' variants
 * of the lesson have the same id in their own centre.
 */
export function variantIdOf(packId: string, lessonId: string): string {
  return deterministicId('lesson-variant', `${packId}/${lessonId}`);
}

/** A photo's row id in its centre: the same picture saved twice is one row. */
export function variantPhotoIdOf(sha256Hex: string): string {
  return deterministicId('variant-photo', sha256Hex);
}

export function hexOf(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The content hash of a pack's lesson: a new pack version that changed the lesson changes it. */
export function lessonHash(lesson: PackLesson): string {
  return hexOf(sha256(new TextEncoder().encode(canonicalJson(lesson))));
}

/**
 * Whether a saved variant stays against a save made at `now` by mutation
 * `mutationId`: the later save wins (its tablet's time, then the larger
 * mutation id), whatever order the server sees them in, so two tablets
 * end with the same variant.
 */
export function variantSupersedes(current: Pick<LessonVariant, 'updatedAt' | 'savedBy'>, now: string, mutationId: string): boolean {
  if (current.updatedAt !== now) return current.updatedAt > now;
  return current.savedBy > mutationId;
}

/** One step as the player shows it: the pack's step with the variant's words, or an added photo. */
export type PlayedStep =
  | { source: 'pack'; step: PackStep; text: StepTexts | undefined; edited: boolean }
  | { source: 'photo'; photo: VariantPhotoStep };

export function stepIdOf(played: PlayedStep): string {
  return played.source === 'pack' ? played.step.id : played.photo.id;
}

function withOverrides(original: StepTexts | undefined, override: StepTexts | undefined): StepTexts | undefined {
  if (!override) return original;
  return { ...original, ...override };
}

/** The edits of a variant: what a trainer changes and the player applies. */
export type VariantEdits = Pick<LessonVariant, 'order' | 'hidden' | 'texts' | 'photos'>;

/**
 * The steps to play for `lesson` with `variant` (none: the pack's own). Steps
 * in the variant's order first; then the lesson's steps it does not know (a
 * newer version added them); hidden steps and steps the lesson no longer has
 * are left out. `showHidden` keeps hidden steps (the editor lists them).
 */
export function playedSteps(lesson: PackLesson, variant: VariantEdits | undefined, showHidden = false): PlayedStep[] {
  if (!variant) return lesson.steps.map((step) => ({ source: 'pack', step, text: step.text, edited: false }));
  const byId = new Map(lesson.steps.map((s) => [s.id, s]));
  const photos = new Map(variant.photos.map((p) => [p.id, p]));
  const hidden = new Set(variant.hidden);
  const out: PlayedStep[] = [];
  const placed = new Set<string>();
  const add = (id: string) => {
    if (placed.has(id) || (!showHidden && hidden.has(id))) return;
    const step = byId.get(id);
    const photo = photos.get(id);
    if (step) out.push({ source: 'pack', step, text: withOverrides(step.text, variant.texts[id]), edited: variant.texts[id] !== undefined });
    else if (photo) out.push({ source: 'photo', photo });
    else return;
    placed.add(id);
  };
  for (const id of variant.order) add(id);
  for (const step of lesson.steps) add(step.id);
  return out;
}

/** Text in the wanted language, else in any other the step has. */
export function textIn(text: StepTexts | undefined, lang: Language): string | undefined {
  if (!text) return undefined;
  const own = text[lang];
  if (own) return own;
  for (const other of LANGUAGES) if (text[other]) return text[other];
  return undefined;
}

/** What a variant changed, counted: what the county's list shows. */
export interface VariantChanges {
  textsChanged: number;
  hidden: number;
  photos: number;
  reordered: boolean;
}

export function variantChanges(variant: VariantEdits, lesson?: PackLesson): VariantChanges {
  const original = lesson ? lesson.steps.map((s) => s.id) : undefined;
  const ordered = variant.order.filter((id) => !variant.photos.some((p) => p.id === id));
  const reordered = original ? ordered.join('/') !== original.filter((id) => ordered.includes(id)).join('/') : false;
  return { textsChanged: Object.keys(variant.texts).length, hidden: variant.hidden.length, photos: variant.photos.length, reordered };
}
