import { Link, useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { hexOf, playedSteps, stepIdOf, VARIANT_PHOTOS_MAX } from '../../../../shared/training/lesson-variants';
import type { PackLesson } from '../../../../shared/packs/pack-manifest';
import { usePack } from '../../../data/packs/pack-queries';
import { ErrorText } from '../../../ui/ErrorText';
import { Icon } from '../../../ui/Icon';
import { Loading } from '../../../ui/Loading';
import { useFormat } from '../../../ui/format';
import { useSaveOnce } from '../../../ui/useSaveOnce';
import { downscalePhoto } from './photo-resize';
import {
  addPhoto,
  draftOf,
  moveStep,
  newPhotoStepId,
  removePhoto,
  saveArgsOf,
  setStepText,
  toggleHidden,
  type VariantDraft,
} from './variant-draft';
import { saveLessonVariant, saveVariantPhoto } from './variant-commands';
import { useLessonVariant } from './variant-queries';
import { VariantPhotoImage } from './VariantPhotoImage';
import './variants.css';

/**
 * A trainer adapts a lesson for this centre, offline: rewrites a step's
 * words (in the language the app speaks), moves steps, hides some, and adds
 * photos taken with the tablet's camera. Saving keeps the pack's lesson as
 * it is and records the adaptation as this centre's variant of it.
 */
export function VariantEditor({ packId, lessonId }: { packId: string; lessonId: string }) {
  const { t } = useTranslation();
  const pack = usePack(packId);
  const variant = useLessonVariant(packId, lessonId);
  if (pack === undefined || variant === undefined) return <Loading />;
  const ready = pack?.ready;
  const lesson = ready?.manifest.lessons.find((l) => l.id === lessonId);
  if (!ready || !lesson) {
    return (
      <section class="screen training">
        <p class="notice" role="alert">
          {t(ready ? 'training.noLesson' : 'training.notReady')}
        </p>
      </section>
    );
  }
  // Keyed by version: a pack update while editing starts again from it; other changes leave the draft alone.
  return <DraftEditor key={ready.version} packId={packId} version={ready.version} lesson={lesson} start={draftOf(lesson, variant ?? undefined)} />;
}

function DraftEditor({ packId, version, lesson, start }: { packId: string; version: number; lesson: PackLesson; start: VariantDraft }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [draft, setDraft] = useState(start);
  // Photos taken here and not saved yet, by sha256: saved with the variant, not before.
  const [taken, setTaken] = useState<ReadonlyMap<string, Uint8Array>>(new Map());
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [busyPhoto, setBusyPhoto] = useState(false);
  const { saving, error, errorParams, run } = useSaveOnce();
  const fileInput = useRef<HTMLInputElement>(null);
  const steps = playedSteps(lesson, draft, true);
  const hidden = new Set(draft.hidden);
  const visible = steps.filter((s) => !hidden.has(stepIdOf(s))).length;

  async function takePhoto(file: File | undefined) {
    if (!file) return;
    setPhotoError(null);
    setBusyPhoto(true);
    try {
      const jpeg = await downscalePhoto(file);
      const sha256 = hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', jpeg as Uint8Array<ArrayBuffer>)));
      setTaken((m) => new Map(m).set(sha256, jpeg));
      setDraft((d) => addPhoto(d, { id: newPhotoStepId(d, sha256), sha256, text: {} }));
    } catch {
      setPhotoError('variants.photoFailed');
    } finally {
      setBusyPhoto(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const save = () =>
    run(async () => {
      for (const photo of draft.photos) {
        const jpeg = taken.get(photo.sha256);
        if (jpeg) await saveVariantPhoto(photo.sha256, jpeg);
      }
      await saveLessonVariant(saveArgsOf(draft, packId, version, lesson));
      void navigate({ to: '/training/$packId/$lessonId', params: { packId, lessonId: lesson.id }, search: { step: 1 } });
    });

  return (
    <section class="screen training variant-editor" data-testid="variant-editor">
      <Link
        to="/training/$packId/$lessonId"
        params={{ packId, lessonId: lesson.id }}
        search={{ step: 1 }}
        className="button button-ghost lesson-back"
        data-testid="variant-cancel"
      >
        <Icon name="back" class="flip-rtl" />
        {t('variants.backToLesson')}
      </Link>
      <h1>{t('variants.title', { lesson: fmt.name(lesson.title) })}</h1>
      <p class="lead">{t('variants.intro')}</p>
      <p class="muted" data-testid="variant-visible-count">
        {t('variants.visibleCount', { n: fmt.number(visible), total: fmt.number(steps.length) })}
      </p>

      <ol class="variant-steps">
        {steps.map((played, i) => {
          const id = stepIdOf(played);
          const isHidden = hidden.has(id);
          const words = played.source === 'pack' ? (played.text?.[fmt.lang] ?? '') : (played.photo.text[fmt.lang] ?? '');
          const kind = played.source === 'pack' ? played.step.kind : 'photo';
          const label = t('variants.stepN', { n: fmt.number(i + 1) });
          return (
            <li key={id} class={isHidden ? 'card variant-step variant-step-hidden' : 'card variant-step'} data-testid="variant-step" data-step={id}>
              <div class="variant-step-head">
                <span class="lesson-number" aria-hidden="true">
                  {fmt.number(i + 1)}
                </span>
                <strong>{t(`variants.kind.${kind}`)}</strong>
                {played.source === 'pack' && played.edited && <span class="badge badge-ok">{t('variants.edited')}</span>}
                {isHidden && <span class="badge badge-out">{t('variants.hiddenBadge')}</span>}
              </div>
              {played.source === 'photo' && (
                <VariantPhotoImage sha256={played.photo.sha256} bytes={taken.get(played.photo.sha256)} alt={words || label} class="variant-photo-thumb" />
              )}
              <label class="field">
                <span>{t('variants.words', { step: label })}</span>
                <textarea
                  rows={3}
                  value={words}
                  disabled={isHidden}
                  onInput={(e) => {
                    const text = e.currentTarget.value;
                    setDraft((d) => setStepText(d, lesson, id, fmt.lang, text));
                  }}
                  data-testid="variant-step-text"
                />
                {played.source === 'pack' && <small>{t('variants.wordsHint')}</small>}
              </label>
              <div class="variant-step-actions">
                <button
                  type="button"
                  class="button"
                  disabled={i === 0}
                  onClick={() => setDraft((d) => moveStep(d, id, -1))}
                  aria-label={t('variants.moveUpLabel', { step: label })}
                  data-testid="variant-move-up"
                >
                  <Icon name="back" class="rotate-up" />
                  {t('variants.moveUp')}
                </button>
                <button
                  type="button"
                  class="button"
                  disabled={i === steps.length - 1}
                  onClick={() => setDraft((d) => moveStep(d, id, 1))}
                  aria-label={t('variants.moveDownLabel', { step: label })}
                  data-testid="variant-move-down"
                >
                  <Icon name="back" class="rotate-down" />
                  {t('variants.moveDown')}
                </button>
                {played.source === 'pack' ? (
                  <button
                    type="button"
                    class="button"
                    aria-pressed={isHidden}
                    disabled={!isHidden && visible <= 1}
                    onClick={() => setDraft((d) => toggleHidden(d, id))}
                    aria-label={t(isHidden ? 'variants.showLabel' : 'variants.hideLabel', { step: label })}
                    data-testid="variant-hide"
                  >
                    {t(isHidden ? 'variants.show' : 'variants.hide')}
                  </button>
                ) : (
                  <button
                    type="button"
                    class="button button-danger"
                    onClick={() => setDraft((d) => removePhoto(d, id))}
                    aria-label={t('variants.removePhotoLabel', { step: label })}
                    data-testid="variant-remove-photo"
                  >
                    {t('variants.removePhoto')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>

      <div class="card variant-photo-add">
        <label class="button" aria-disabled={busyPhoto || draft.photos.length >= VARIANT_PHOTOS_MAX}>
          <Icon name={busyPhoto ? 'sync' : 'plus'} class={busyPhoto ? 'spin' : undefined} />
          {t('variants.addPhoto')}
          <input
            ref={fileInput}
            type="file"
            accept="image/*"
            capture="environment"
            class="visually-hidden"
            disabled={busyPhoto || draft.photos.length >= VARIANT_PHOTOS_MAX}
            onChange={(e) => void takePhoto(e.currentTarget.files?.[0])}
            data-testid="variant-photo-input"
          />
        </label>
        <small class="muted">{t('variants.photoHint', { n: fmt.number(VARIANT_PHOTOS_MAX) })}</small>
        <ErrorText code={photoError} />
      </div>

      <div class="actions variant-save">
        <button type="button" class="button button-primary" disabled={saving} onClick={() => void save()} data-testid="variant-save">
          <Icon name="check" />
          {t('variants.save')}
        </button>
        <button type="button" class="button" disabled={saving} onClick={() => setDraft(draftOf(lesson, undefined))} data-testid="variant-reset">
          {t('variants.resetToOriginal')}
        </button>
      </div>
      <ErrorText code={error} params={errorParams} />
    </section>
  );
}
