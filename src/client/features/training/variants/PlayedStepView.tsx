import type { StoredPackManifest } from '../../../../shared/packs/pack-manifest';
import { textIn, type PlayedStep } from '../../../../shared/training/lesson-variants';
import { useFormat } from '../../../ui/format';
import { StepView } from '../StepView';
import { VariantPhotoImage } from './VariantPhotoImage';

/** One step as this centre plays it: the pack's step with its adapted words, or a photo the trainer added. */
export function PlayedStepView({ manifest, played, lessonTitle }: { manifest: StoredPackManifest; played: PlayedStep; lessonTitle: string }) {
  const fmt = useFormat();
  if (played.source === 'pack') {
    // The adapted words may cover fewer languages than the pack's: StepView shows the best it has.
    const step = played.edited ? { ...played.step, text: played.text as typeof played.step.text } : played.step;
    return <StepView manifest={manifest} step={step} lessonTitle={lessonTitle} />;
  }
  const text = textIn(played.photo.text, fmt.lang);
  return (
    <div class="lesson-step lesson-step-image" data-testid="lesson-step" data-kind="photo">
      <VariantPhotoImage sha256={played.photo.sha256} alt={text ?? lessonTitle} />
      {text && <p class="lesson-text">{text}</p>}
    </div>
  );
}
