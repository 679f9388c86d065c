import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/shared/auth/base64';
import { sha256 } from '../../src/shared/domain/deterministic-id';
import type { PackLesson } from '../../src/shared/packs/pack-manifest';
import { trainingVariantPhoto } from '../../src/shared/mutations/training/variant-photo';
import {
  hexOf,
  lessonHash,
  playedSteps,
  stepIdOf,
  variantChanges,
  variantSupersedes,
  type LessonVariant,
} from '../../src/shared/training/lesson-variants';
import {
  addPhoto,
  draftOf,
  isPlain,
  moveStep,
  removePhoto,
  saveArgsOf,
  setStepText,
  toggleHidden,
} from '../../src/client/features/training/variants/variant-draft';

const text = (en: string) => ({ 'zh-CN': `${en}（中文）`, en, ug: `${en} (ug)` });

const lesson: PackLesson = {
  id: 'photos',
  title: text('Good photos'),
  steps: [
    { id: 'intro', kind: 'text', text: text('Why photos sell') },
    { id: 'light', kind: 'text', text: text('Use daylight') },
    { id: 'quiz', kind: 'quiz', quiz: { question: text('Which?'), answers: [{ id: 'a', text: text('A') }, { id: 'b', text: text('B') }], correct: 'a' } },
  ],
};

function variantOf(fields: Partial<LessonVariant>): LessonVariant {
  return {
    id: 'v', centreId: 'c', createdAt: '2026-11-30T08:00:00.000Z', updatedAt: '2026-11-30T08:00:00.000Z', createdBy: 's',
    packId: 'p', lessonId: 'photos', baseVersion: 1, baseHash: lessonHash(lesson),
    order: ['intro', 'light', 'quiz'], hidden: [], texts: {}, photos: [], updatedBy: 's', savedBy: 'm1',
    ...fields,
  };
}

describe('playing a lesson variant', () => {
  it('plays the pack’s steps unchanged without a variant', () => {
    expect(playedSteps(lesson, undefined).map(stepIdOf)).toEqual(['intro', 'light', 'quiz']);
  });

  it('plays the variant’s order and words, leaves hidden steps out and adds its photos', () => {
    const variant = variantOf({
      order: ['light', 'photo-1', 'intro', 'quiz'],
      hidden: ['quiz'],
      texts: { light: { en: 'Stand by the window' } },
      photos: [{ id: 'photo-1', sha256: 'a'.repeat(64), text: { 'zh-CN': '我们的苹果' } }],
    });
    const played = playedSteps(lesson, variant);
    expect(played.map(stepIdOf)).toEqual(['light', 'photo-1', 'intro']);
    expect(played[0]).toMatchObject({ source: 'pack', edited: true, text: { ...text('Use daylight'), en: 'Stand by the window' } });
    expect(played[2]).toMatchObject({ source: 'pack', edited: false, text: text('Why photos sell') });
    // The pack's lesson itself is untouched.
    expect(lesson.steps[1]!.text).toEqual(text('Use daylight'));
    expect(playedSteps(lesson, variant, true).map(stepIdOf)).toEqual(['light', 'photo-1', 'intro', 'quiz']);
  });

  it('survives a new pack version: dropped steps are skipped, new ones come at the end, and the hash tells the change', () => {
    const variant = variantOf({ order: ['quiz', 'light', 'intro'], hidden: ['intro'] });
    const newer: PackLesson = { ...lesson, steps: [lesson.steps[0]!, lesson.steps[2]!, { id: 'price', kind: 'text', text: text('Set a price') }] };
    expect(playedSteps(newer, variant).map(stepIdOf)).toEqual(['quiz', 'price']);
    expect(lessonHash(newer)).not.toBe(variant.baseHash);
    expect(lessonHash(structuredClone(lesson))).toBe(variant.baseHash);
  });

  it('counts what a variant changed', () => {
    const variant = variantOf({ order: ['light', 'intro', 'quiz'], hidden: ['quiz'], texts: { intro: { en: 'x' } } });
    expect(variantChanges(variant, lesson)).toEqual({ textsChanged: 1, hidden: 1, photos: 0, reordered: true });
    expect(variantChanges(variantOf({}), lesson).reordered).toBe(false);
  });
});

describe('which of two saves of one variant stays', () => {
  const cases: [current: { updatedAt: string; savedBy: string }, now: string, id: string, stays: boolean][] = [
    [{ updatedAt: '2026-11-30T09:00:00.000Z', savedBy: 'm1' }, '2026-11-30T08:00:00.000Z', 'm9', true],
    [{ updatedAt: '2026-11-30T08:00:00.000Z', savedBy: 'm9' }, '2026-11-30T09:00:00.000Z', 'm1', false],
    [{ updatedAt: '2026-11-30T08:00:00.000Z', savedBy: 'm2' }, '2026-11-30T08:00:00.000Z', 'm1', true],
    [{ updatedAt: '2026-11-30T08:00:00.000Z', savedBy: 'm1' }, '2026-11-30T08:00:00.000Z', 'm2', false],
  ];
  it.each(cases)('current %o against a save at %s (%s): stays %s', (current, now, id, stays) => {
    expect(variantSupersedes(current, now, id)).toBe(stays);
  });
});

describe('editing a variant draft', () => {
  it('reorders, hides and rewrites without touching the pack’s lesson, and rewriting back drops the change', () => {
    let draft = draftOf(lesson, undefined);
    expect(isPlain(draft, lesson)).toBe(true);
    draft = moveStep(draft, 'light', -1);
    expect(moveStep(draft, 'light', -1)).toBe(draft);
    draft = toggleHidden(draft, 'quiz');
    draft = setStepText(draft, lesson, 'intro', 'en', '  Photos sell produce  ');
    expect(draft).toMatchObject({ order: ['light', 'intro', 'quiz'], hidden: ['quiz'], texts: { intro: { en: '  Photos sell produce  ' } } });
    expect(setStepText(draft, lesson, 'intro', 'en', 'Why photos sell').texts).toEqual({});
    expect(setStepText(draft, lesson, 'intro', 'en', '').texts).toEqual({});
    expect(lesson.steps.map((s) => s.id)).toEqual(['intro', 'light', 'quiz']);
    const args = saveArgsOf(draft, 'p', 3, lesson);
    expect(args).toMatchObject({ packId: 'p', lessonId: 'photos', baseVersion: 3, baseHash: lessonHash(lesson), texts: { intro: { en: 'Photos sell produce' } } });
  });

  it('adds a photo after a step, gives it words, and removes it whole', () => {
    let draft = addPhoto(draftOf(lesson, undefined), { id: 'photo-1', sha256: 'b'.repeat(64), text: {} }, 'intro');
    expect(draft.order).toEqual(['intro', 'photo-1', 'light', 'quiz']);
    draft = setStepText(draft, lesson, 'photo-1', 'ug', 'ئالما');
    expect(draft.photos[0]!.text).toEqual({ ug: 'ئالما' });
    expect(removePhoto(draft, 'photo-1')).toEqual(draftOf(lesson, undefined));
  });

  it('starts from the saved variant, with steps a newer version added', () => {
    const newer: PackLesson = { ...lesson, steps: [...lesson.steps, { id: 'price', kind: 'text', text: text('Set a price') }] };
    const draft = draftOf(newer, variantOf({ order: ['quiz', 'intro', 'light'], hidden: ['light'] }));
    expect(draft.order).toEqual(['quiz', 'intro', 'light', 'price']);
    expect(draft.hidden).toEqual(['light']);
  });
});

describe('a variant photo', () => {
  const ctx = { mutationId: 'm', centreId: 'c', staffId: 's', deviceId: 'd', now: '2026-11-30T08:00:00.000Z' };
  const none = { get: () => undefined };
  const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);

  it('is kept by its hash, and refused when the bytes are not that JPEG', () => {
    const good = { sha256: hexOf(sha256(jpeg)), type: 'image/jpeg' as const, data: toBase64(jpeg) };
    const kept = trainingVariantPhoto.decide(good, none, ctx);
    expect(kept).toMatchObject({ ok: true, changes: [{ table: 'variantPhotos', row: { sha256: good.sha256, size: jpeg.length } }] });
    expect(trainingVariantPhoto.decide({ ...good, sha256: 'c'.repeat(64) }, none, ctx)).toMatchObject({ ok: false, code: 'invalid_args' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(trainingVariantPhoto.decide({ ...good, sha256: hexOf(sha256(png)), data: toBase64(png) }, none, ctx)).toMatchObject({ ok: false, code: 'invalid_args' });
  });
});
