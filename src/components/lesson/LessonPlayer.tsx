import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeferredAreas } from '../useDeferredAreas';
import { useRun } from '../../store/context';
import { LessonNarrative } from './LessonNarrative';
import { useOpenLesson } from './useOpenLesson';

/** "Copy a link to this lesson": the page's URL, which carries the lesson and its step. */
function CopyLessonLink() {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="secondary"
      data-testid="lesson-copy-link"
      onClick={() => {
        void navigator.clipboard?.writeText(window.location.href).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? t('lesson.copied') : t('lesson.copyLink')}
    </button>
  );
}

/**
 * The lesson player over the running lab: step k of n, the step's title and narrative, what to do
 * and watch, and Previous / Next (also ← / →) and Leave. Entering a step is the store's work.
 */
export function LessonPlayer() {
  const { t } = useTranslation();
  // The built-in lessons' texts are a deferred catalogue area: drawn once they are in.
  const wordsIn = useDeferredAreas();
  const shown = useOpenLesson(wordsIn);
  const index = useRun((s) => s.lessonStep);
  const linkable = useRun((s) => s.lesson?.ref != null);
  // A lesson from a file, a link or the site brings its own words, not the catalogue's.
  const own = useRun((s) => (s.lesson?.source.kind === 'loaded' ? '' : undefined));
  const goTo = useRun((s) => s.goToLessonStep);
  const close = useRun((s) => s.closeLesson);
  if (!shown) return null; // also while the words load: useOpenLesson waits for them
  const step = shown.steps[index];
  if (!step) return null;
  const total = shown.steps.length;
  return (
    <section className="panel lesson-player" data-testid="lesson-player" aria-label={t('lesson.label')}>
      <div className="lesson-head">
        <span className="lesson-name" data-testid="lesson-title" data-lesson-words={own}>
          {shown.title}
        </span>
        <span
          className="lesson-count"
          data-testid="lesson-step-count"
          data-step={index + 1}
          data-total={total}
        >
          {t('lesson.step', { current: index + 1, total })}
        </span>
      </div>
      <h2 data-testid="lesson-step-title" data-lesson-words={own}>
        {step.title}
      </h2>
      <LessonNarrative text={step.text} own={own !== undefined} />
      {step.do && (
        <p className="lesson-cue" data-testid="lesson-do">
          <strong>{t('lesson.do')}</strong> <span data-lesson-words={own}>{step.do}</span>
        </p>
      )}
      {step.watch && (
        <p className="lesson-cue" data-testid="lesson-watch">
          <strong>{t('lesson.watch')}</strong> <span data-lesson-words={own}>{step.watch}</span>
        </p>
      )}
      <div className="lesson-nav">
        <button
          type="button"
          data-testid="lesson-previous"
          disabled={index === 0}
          onClick={() => goTo(index - 1)}
        >
          ← {t('lesson.previous')}
        </button>
        <button
          type="button"
          data-testid="lesson-next"
          disabled={index === total - 1}
          onClick={() => goTo(index + 1)}
        >
          {t('lesson.next')} →
        </button>
        <button type="button" data-testid="lesson-exit" onClick={close}>
          {t('lesson.exit')}
        </button>
        {linkable && <CopyLessonLink />}
      </div>
      <p className="lesson-keys secondary">{t('lesson.keys')}</p>
    </section>
  );
}
