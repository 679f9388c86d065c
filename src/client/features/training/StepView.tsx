import type { PackStep, StoredPackManifest } from '../../../shared/packs/pack-manifest';
import { useFormat } from '../../ui/format';
import { QuizView } from './QuizView';
import { StepImage, StepPlayer } from './StepMedia';

/** One step of a lesson: its words, and its picture, sound, video or question. */
export function StepView({ manifest, step, lessonTitle }: { manifest: StoredPackManifest; step: PackStep; lessonTitle: string }) {
  const fmt = useFormat();
  const text = step.text ? fmt.name(step.text) : undefined;
  const label = text ?? lessonTitle;
  return (
    <div class={`lesson-step lesson-step-${step.kind}`} data-testid="lesson-step" data-kind={step.kind}>
      {step.kind === 'image' && step.media && <StepImage manifest={manifest} path={step.media} alt={label} />}
      {(step.kind === 'audio' || step.kind === 'video') && step.media && (
        <StepPlayer manifest={manifest} path={step.media} kind={step.kind} label={label} />
      )}
      {step.kind === 'quiz' && step.quiz && <QuizView manifest={manifest} quiz={step.quiz} />}
      {text && <p class="lesson-text">{text}</p>}
    </div>
  );
}
