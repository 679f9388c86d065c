import type { Language } from '../../../../shared/domain/entities';
import type { PackLesson } from '../../../../shared/packs/pack-manifest';
import type { VariantSaveArgs } from '../../../../shared/mutations/training/variant-save';
import {
  lessonHash,
  playedSteps,
  stepIdOf,
  type LessonVariant,
  type StepTexts,
  type VariantEdits,
  type VariantPhotoStep,
} from '../../../../shared/training/lesson-variants';

/**
 * What the trainer is changing, before it is saved: the edits of a variant.
 * Pure functions, so the editor and its tests share them.
 */
export type VariantDraft = VariantEdits;

/** The saved variant's edits, or the pack's lesson as it is (every step in its order, nothing hidden). */
export function draftOf(lesson: PackLesson, variant: LessonVariant | undefined): VariantDraft {
  // Played with hidden steps kept: the order then also holds steps a newer version added.
  const order = playedSteps(lesson, variant, true).map(stepIdOf);
  if (!variant) return { order, hidden: [], texts: {}, photos: [] };
  const known = new Set(order);
  const texts = Object.fromEntries(Object.entries(variant.texts).filter(([id]) => known.has(id)));
  return { order, hidden: variant.hidden.filter((id) => known.has(id)), texts, photos: variant.photos };
}

/** The step moved `by` places (−1 up, +1 down) within the order; at an end it stays. */
export function moveStep(draft: VariantDraft, id: string, by: -1 | 1): VariantDraft {
  const at = draft.order.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= draft.order.length) return draft;
  const order = [...draft.order];
  [order[at], order[to]] = [order[to]!, order[at]!];
  return { ...draft, order };
}

export function toggleHidden(draft: VariantDraft, id: string): VariantDraft {
  const hidden = draft.hidden.includes(id) ? draft.hidden.filter((h) => h !== id) : [...draft.hidden, id];
  return { ...draft, hidden };
}

/**
 * The step's words in `lang` set to `text`, as typed (spaces and all: they
 * are trimmed when saved). Words the same as the pack's (or cleared) drop
 * the override, so the step follows the pack again.
 */
export function setStepText(draft: VariantDraft, lesson: PackLesson, id: string, lang: Language, text: string): VariantDraft {
  const photo = draft.photos.find((p) => p.id === id);
  const words = text.trim();
  if (photo) {
    const own: StepTexts = { ...photo.text };
    if (words) own[lang] = text;
    else delete own[lang];
    return { ...draft, photos: draft.photos.map((p) => (p.id === id ? { ...p, text: own } : p)) };
  }
  const original = lesson.steps.find((s) => s.id === id)?.text?.[lang];
  const own: StepTexts = { ...draft.texts[id] };
  if (!words || words === original) delete own[lang];
  else own[lang] = text;
  const texts = { ...draft.texts };
  if (Object.keys(own).length > 0) texts[id] = own;
  else delete texts[id];
  return { ...draft, texts };
}

/** A new photo step, right after `afterId` (or at the end). */
export function addPhoto(draft: VariantDraft, photo: VariantPhotoStep, afterId?: string): VariantDraft {
  const order = [...draft.order];
  const at = afterId === undefined ? -1 : order.indexOf(afterId);
  order.splice(at < 0 ? order.length : at + 1, 0, photo.id);
  return { ...draft, order, photos: [...draft.photos, photo] };
}

export function removePhoto(draft: VariantDraft, id: string): VariantDraft {
  const texts = { ...draft.texts };
  delete texts[id];
  return {
    order: draft.order.filter((o) => o !== id),
    hidden: draft.hidden.filter((h) => h !== id),
    texts,
    photos: draft.photos.filter((p) => p.id !== id),
  };
}

/** A photo step id no step of the lesson or draft has. */
export function newPhotoStepId(draft: VariantDraft, sha256: string): string {
  for (let n = 1; ; n++) {
    const id = `photo-${sha256.slice(0, 8)}${n > 1 ? `-${n}` : ''}`;
    if (!draft.order.includes(id)) return id;
  }
}

/** Whether the draft plays the lesson exactly as the pack does. */
export function isPlain(draft: VariantDraft, lesson: PackLesson): boolean {
  return (
    draft.hidden.length === 0 &&
    draft.photos.length === 0 &&
    Object.keys(draft.texts).length === 0 &&
    draft.order.join('/') === lesson.steps.map((s) => s.id).join('/')
  );
}

/** The mutation's args: the draft, based on the version the tablet plays. */
export function saveArgsOf(draft: VariantDraft, packId: string, version: number, lesson: PackLesson): VariantSaveArgs {
  return {
    packId,
    lessonId: lesson.id,
    baseVersion: version,
    baseHash: lessonHash(lesson),
    order: draft.order,
    hidden: draft.hidden,
    texts: Object.fromEntries(Object.entries(draft.texts).map(([id, texts]) => [id, trimmed(texts)])),
    photos: draft.photos.map((p) => ({ ...p, text: trimmed(p.text) })),
  };
}

function trimmed(texts: StepTexts): StepTexts {
  return Object.fromEntries(Object.entries(texts).flatMap(([lang, text]) => (text?.trim() ? [[lang, text.trim()]] : [])));
}
