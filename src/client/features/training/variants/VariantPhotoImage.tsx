import { useEffect, useState } from 'preact/hooks';
import { useTranslation } from '../../../i18n/use-translation';
import { Icon } from '../../../ui/Icon';
import { Loading } from '../../../ui/Loading';
import { photoBlob } from './variant-queries';

type Shown = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; url: string };

/** A photo a trainer added to a lesson, from this tablet's storage (no network). */
export function VariantPhotoImage({
  sha256,
  alt,
  class: className,
  bytes,
}: {
  sha256: string;
  alt: string;
  class?: string;
  /** A photo just taken, not saved yet: shown from memory. */
  bytes?: Uint8Array | undefined;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    let url: string | undefined;
    setShown({ state: 'loading' });
    (bytes ? Promise.resolve(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' })) : photoBlob(sha256))
      .then((blob) => {
        if (!alive) return;
        if (!blob) return setShown({ state: 'missing' });
        url = URL.createObjectURL(blob);
        setShown({ state: 'ready', url });
      })
      .catch(() => alive && setShown({ state: 'missing' }));
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256, bytes]);
  if (shown.state === 'loading') return <Loading />;
  if (shown.state === 'missing') {
    return (
      <p class="notice lesson-media-problem" role="alert" data-testid="variant-photo-missing">
        <Icon name="warning" /> {t('variants.photoMissing')}
      </p>
    );
  }
  return <img src={shown.url} alt={alt} class={className ?? 'lesson-image'} data-testid="variant-photo" />;
}
