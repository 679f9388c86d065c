import * as v from 'valibot';
import { RefusalCode } from '../../domain/refusals';
import { PACK_LIMITS, sha256Hex } from '../../packs/pack-manifest';
import {
  VARIANT_PHOTOS_MAX,
  variantIdOf,
  variantPhotoIdOf,
  variantSupersedes,
  type LessonVariant,
} from '../../training/lesson-variants';
import { storableText } from '../fields';
import { refuse, type MutationDef, type RowKey } from '../types';
import { packRef } from './fields';

const stepText = v.pipe(storableText, v.trim(), v.minLength(1, 'text is empty'), v.maxLength(PACK_LIMITS.textLength));
const stepTexts = v.strictObject({ 'zh-CN': v.optional(stepText), en: v.optional(stepText), ug: v.optional(stepText) });
const stepIds = v.pipe(v.array(packRef), v.maxLength(PACK_LIMITS.stepsPerLesson + VARIANT_PHOTOS_MAX));
const photo = v.strictObject({ id: packRef, sha256: sha256Hex, text: stepTexts });

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

const schema = v.pipe(
  v.strictObject({
    packId: packRef,
    lessonId: packRef,
    baseVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
    baseHash: sha256Hex,
    order: stepIds,
    hidden: stepIds,
    texts: v.pipe(
      v.record(packRef, stepTexts),
      v.check((texts) => Object.keys(texts).length <= PACK_LIMITS.stepsPerLesson, 'too many steps rewritten'),
    ),
    photos: v.pipe(v.array(photo), v.maxLength(VARIANT_PHOTOS_MAX)),
  }),
  v.check((a) => unique(a.order), 'a step is listed twice in the order'),
  v.check((a) => unique(a.hidden) && a.hidden.every((id) => a.order.includes(id)), 'a hidden step is not in the order'),
  v.check((a) => Object.keys(a.texts).every((id) => a.order.includes(id)), 'rewritten text of a step not in the order'),
  v.check((a) => unique(a.photos.map((p) => p.id)) && a.photos.every((p) => a.order.includes(p.id)), 'a photo step is not in the order'),
);
export type VariantSaveArgs = v.InferOutput<typeof schema>;

/**
 * A trainer saves their adaptation of a lesson, whole: its order, hidden
 * steps, rewritten texts and photo steps. There is one variant per lesson
 * and centre (variantIdOf): saves from two tablets land on the same row
 * and the later save wins whole (variantSupersedes), whichever the server
 * applies first; an earlier one arriving late changes nothing. The photos
 * it shows must have been saved before it (training.variantPhoto).
 */
export const trainingVariantSave: MutationDef<VariantSaveArgs> = {
  kind: 'training.variantSave',
  schema,
  reads: (args): RowKey[] => [
    { table: 'lessonVariants', id: variantIdOf(args.packId, args.lessonId) },
    ...args.photos.map((p) => ({ table: 'variantPhotos' as const, id: variantPhotoIdOf(p.sha256) })),
  ],
  decide(args, state, ctx) {
    const id = variantIdOf(args.packId, args.lessonId);
    const current = state.get('lessonVariants', id);
    for (const p of args.photos) {
      const held = state.get('variantPhotos', variantPhotoIdOf(p.sha256));
      if (!held || held.centreId !== ctx.centreId) return refuse(RefusalCode.invalidArgs, `photos: photo ${p.sha256.slice(0, 12)} was never saved`);
    }
    if (current && variantSupersedes(current, ctx.now, ctx.mutationId)) return { ok: true, changes: [] };
    const row: LessonVariant = {
      id,
      centreId: ctx.centreId,
      createdAt: current?.createdAt ?? ctx.now,
      updatedAt: ctx.now,
      createdBy: current?.createdBy ?? ctx.staffId,
      packId: args.packId,
      lessonId: args.lessonId,
      baseVersion: args.baseVersion,
      baseHash: args.baseHash,
      order: args.order,
      hidden: args.hidden,
      texts: args.texts,
      photos: args.photos,
      updatedBy: ctx.staffId,
      savedBy: ctx.mutationId,
    };
    return { ok: true, changes: [{ table: 'lessonVariants', row }] };
  },
};
