import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation';
import { usePack } from '../../data/packs/pack-queries';
import { Icon } from '../../ui/Icon';
import { Loading } from '../../ui/Loading';
import { useFormat } from '../../ui/format';
import { playedSteps, stepIdOf } from '../../../shared/training/lesson-variants';
import { PlayedStepView } from './variants/PlayedStepView';
import { VariantBanner } from './variants/VariantBanner';
import { useLessonVariant } from './variants/variant-queries';
import './variants/variants.css';

/**
 * A lesson, one step at a time, from what the tablet holds: no request goes
 * out. The step sits in the address (?step=), so a reload opens the same one.
 */
export function LessonPlayer({ packId, lessonId, step }: { packId: string; lessonId: string; step: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const pack = usePack(packId);
  // This centre's adaptation of the lesson, when it has one; `original` plays the pack's own.
  const variant = useLessonVariant(packId, lessonId);
  const [original, setOriginal] = useState(false);
  if (pack === undefined || variant === undefined) return <Loading />;
  const manifest = pack?.ready?.manifest;
  const lesson = manifest?.lessons.find((l) => l.id === lessonId);
  if (!manifest || !lesson) {
    return (
      <section class="screen training">
        <p class="notice" role="alert">
          {t(manifest ? 'training.noLesson' : 'training.notReady')}
        </p>
        <Link to="/training" className="button">
          {t('training.allPacks')}
        </Link>
      </section>
    );
  }
  const adapted = playedSteps(lesson, original ? undefined : (variant ?? undefined));
  const steps = adapted.length > 0 ? adapted : playedSteps(lesson, undefined);
  const total = steps.length;
  const index = Math.min(Math.max(step, 1), total) - 1;
  const current = steps[index]!;
  const lessonTitle = fmt.name(lesson.title);
  const go = (n: number) =>
    void navigate({ to: '/training/$packId/$lessonId', params: { packId, lessonId }, search: { step: n + 1 }, replace: true });

  return (
    <section class="screen training lesson" data-testid="lesson-player">
      <header class="lesson-head">
        <Link to="/training/$packId" params={{ packId }} className="button button-ghost lesson-back" data-testid="lesson-back">
          <Icon name="back" class="flip-rtl" />
          {t('training.lessons')}
        </Link>
        <h1 class="lesson-title">{lessonTitle}</h1>
        <p class="lesson-count" data-testid="lesson-step-count">
          {t('training.stepOf', { n: fmt.number(index + 1), total: fmt.number(total) })}
        </p>
        <ol class="lesson-dots" aria-hidden="true">
          {steps.map((s, i) => (
            <li key={stepIdOf(s)} class={i <= index ? 'lesson-dot lesson-dot-done' : 'lesson-dot'} />
          ))}
        </ol>
      </header>

      <VariantBanner
        packId={packId}
        lesson={lesson}
        version={pack?.ready?.version ?? 0}
        variant={variant}
        original={original}
        onOriginal={(o) => {
          setOriginal(o);
          go(0);
        }}
      />

      <PlayedStepView key={stepIdOf(current)} manifest={manifest} played={current} lessonTitle={lessonTitle} />

      <nav class="lesson-nav" aria-label={t('training.stepOf', { n: fmt.number(index + 1), total: fmt.number(total) })}>
        <button type="button" class="button lesson-nav-button" disabled={index === 0} onClick={() => go(index - 1)} data-testid="lesson-previous">
          <Icon name="back" class="flip-rtl" size={28} />
          {t('training.previous')}
        </button>
        {index + 1 < total ? (
          <button type="button" class="button button-primary lesson-nav-button" onClick={() => go(index + 1)} data-testid="lesson-next">
            {t('training.next')}
            <Icon name="back" class="flip-ltr" size={28} />
          </button>
        ) : (
          <Link to="/training/$packId" params={{ packId }} className="button button-primary lesson-nav-button" data-testid="lesson-finish">
            <Icon name="check" size={28} />
            {t('training.finish')}
          </Link>
        )}
      </nav>
    </section>
  );
}
