import type { StoredPackManifest } from '../../../shared/packs/pack-manifest';
import { Icon } from '../../ui/Icon';
import { StepImage } from './StepMedia';

/** The course's cover picture when the tablet holds it, else a book drawn in its place. */
export function PackCover({ manifest }: { manifest: StoredPackManifest | undefined }) {
  const cover = manifest?.course.cover;
  if (!manifest || !cover) {
    return (
      <div class="pack-cover pack-cover-blank" aria-hidden="true">
        <Icon name="book" size={40} />
      </div>
    );
  }
  return <StepImage manifest={manifest} path={cover} alt="" class="pack-cover" />;
}
