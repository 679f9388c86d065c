import { useMemo, useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import type { StoredPackManifest } from '../../../shared/packs/pack-manifest';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useMedia } from './useMedia';

function MediaProblem({ text, testId }: { text: string; testId: string }) {
  return (
    <p class="notice lesson-media-problem" role="alert" data-testid={testId}>
      <Icon name="warning" /> {text}
    </p>
  );
}

/** A picture of a step or a quiz answer, from the tablet's storage. */
export function StepImage({ manifest, path, alt, class: className }: { manifest: StoredPackManifest; path: string; alt: string; class?: string }) {
  const { t } = useTranslation();
  const media = useMedia(manifest, path);
  if (media.state === 'loading') return <Loading />;
  if (media.state === 'missing') return <MediaProblem text={t('training.missingMedia')} testId="media-missing" />;
  return <img src={media.url} alt={alt} class={className ?? 'lesson-image'} data-testid="lesson-image" />;
}

/**
 * Audio or video from a Blob made of the stored chunks: the browser seeks in
 * it with no network, after a reload too. A format this browser cannot play
 * (canPlayType says no, or the element reports an error) gets a message.
 */
export function StepPlayer({ manifest, path, kind, label }: { manifest: StoredPackManifest; path: string; kind: 'audio' | 'video'; label: string }) {
  const { t } = useTranslation();
  const media = useMedia(manifest, path);
  const [failed, setFailed] = useState(false);
  const type = media.state === 'ready' ? media.type : '';
  const playable = useMemo(() => type === '' || document.createElement(kind).canPlayType(type) !== '', [kind, type]);
  if (media.state === 'loading') return <Loading />;
  if (media.state === 'missing') return <MediaProblem text={t('training.missingMedia')} testId="media-missing" />;
  if (!playable || failed) {
    const key = kind === 'video' ? 'training.cannotPlayVideo' : 'training.cannotPlayAudio';
    return <MediaProblem text={t(key, { type })} testId="media-unplayable" />;
  }
  return kind === 'video' ? (
    <video
      src={media.url}
      controls
      playsInline
      preload="metadata"
      class="lesson-video"
      aria-label={label}
      onError={() => setFailed(true)}
      data-testid="lesson-video"
    />
  ) : (
    <audio src={media.url} controls preload="metadata" class="lesson-audio" aria-label={label} onError={() => setFailed(true)} data-testid="lesson-audio" />
  );
}
