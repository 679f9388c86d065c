import { useEffect, useState } from 'preact/hooks';
import type { StoredPackManifest } from '../../../shared/packs/pack-manifest';
import { db } from '../../data/db';
import { fileAt, readMedia } from '../../data/packs/pack-media';

export type MediaState = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; url: string; type: string };

/**
 * An object URL for a pack's media file, read from IndexedDB (no network),
 * revoked when the step closes. "missing" when the tablet does not hold it
 * whole and checked.
 */
export function useMedia(manifest: StoredPackManifest, path: string | undefined): MediaState {
  const [media, setMedia] = useState<MediaState>({ state: 'loading' });
  useEffect(() => {
    let alive = true;
    let url: string | undefined;
    setMedia({ state: 'loading' });
    const file = path === undefined ? undefined : fileAt(manifest, path);
    if (!file) {
      setMedia({ state: 'missing' });
      return undefined;
    }
    readMedia(db, file.sha256, file.type)
      .then((blob) => {
        if (!alive) return;
        if (!blob) return setMedia({ state: 'missing' });
        url = URL.createObjectURL(blob);
        setMedia({ state: 'ready', url, type: file.type });
      })
      .catch(() => alive && setMedia({ state: 'missing' }));
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [manifest, path]);
  return media;
}
