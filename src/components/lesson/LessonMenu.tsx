import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../i18n/i18n';
import { BUILTIN_LESSON_IDS } from '../../protocol/builtinLessons';
import { lessonText } from '../../protocol/lesson';
import { useRun } from '../../store/context';

/**
 * The lesson chooser in the header: the built-in lessons, those the site ships under lessons/, and
 * a lesson file of the user's own. Choosing one opens it at its first step.
 */
export function LessonMenu() {
  const { t, i18n } = useTranslation();
  const openLesson = useRun((s) => s.openLesson);
  const openLessonFile = useRun((s) => s.openLessonFile);
  const siteLessons = useRun((s) => s.siteLessons);
  const loadSiteLessons = useRun((s) => s.loadSiteLessons);
  const menu = useRef<HTMLDetailsElement>(null);
  const choose = (ref: string) => {
    if (menu.current) menu.current.open = false;
    void openLesson(ref);
  };
  return (
    <details
      ref={menu}
      className="lesson-menu"
      data-testid="lesson-menu"
      onToggle={(event) => event.currentTarget.open && void loadSiteLessons()}
    >
      <summary>{t('lesson.open')}</summary>
      <div className="lesson-menu-body">
        <p className="lesson-menu-title">{t('lesson.choose')}</p>
        <ul>
          {BUILTIN_LESSON_IDS.map((id) => (
            <li key={id}>
              <button type="button" data-testid={`lesson-choice-${id}`} onClick={() => choose(id)}>
                {t(`lesson.titles.${id}`)}
              </button>
            </li>
          ))}
          {(siteLessons ?? []).map((entry) => (
            <li key={entry.name}>
              <button
                type="button"
                data-testid={`lesson-choice-${entry.name}`}
                data-lesson-words=""
                onClick={() => choose(entry.name)}
              >
                {lessonText(entry.title, i18n.language)}
              </button>
            </li>
          ))}
        </ul>
        <label className="lesson-file">
          {t('lesson.fromFile')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="lesson-file"
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              event.currentTarget.value = '';
              if (menu.current) menu.current.open = false;
              if (file) void openLessonFile(file);
            }}
          />
        </label>
      </div>
    </details>
  );
}

/** Why the lesson asked for was not opened (a bad link or file), or that one is loading. */
export function LessonStatus() {
  const { t, i18n } = useTranslation();
  const problem = useRun((s) => s.lessonProblem);
  const loading = useRun((s) => s.lessonLoading);
  const dismiss = useRun((s) => s.dismissLessonProblem);
  if (loading)
    return (
      <p className="lesson-status" role="status">
        {t('lesson.loading')}
      </p>
    );
  if (!problem) return null;
  return (
    <div className="notice lesson-problem" role="alert" data-testid="lesson-problem" data-key={problem.key}>
      <span>{t('lesson.rejected', { reason: renderMessage(i18n, problem) })}</span>
      <button type="button" aria-label={t('lesson.dismiss')} onClick={dismiss}>
        ×
      </button>
    </div>
  );
}
