import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { builtinLesson } from '../../protocol/builtinLessons';
import { lessonText, type Lesson } from '../../protocol/lesson';
import { useRun } from '../../store/context';

/** A lesson's words as the page shows them, in its language. */
export interface ShownLesson {
  readonly title: string;
  readonly steps: readonly {
    readonly title: string;
    readonly text: string;
    readonly do: string;
    readonly watch: string;
  }[];
}

/** The words of `lesson` in `language` (English where it has none). */
function shownLesson(lesson: Lesson, language: string): ShownLesson {
  return {
    title: lessonText(lesson.title, language),
    steps: lesson.steps.map((step) => ({
      title: lessonText(step.title, language),
      text: lessonText(step.text, language),
      do: lessonText(step.do, language),
      watch: lessonText(step.watch, language),
    })),
  };
}

/**
 * The open lesson in the page's language (a built-in one from the catalogue, whose deferred area
 * has loaded once `wordsIn`), or null.
 */
export function useOpenLesson(wordsIn: boolean): ShownLesson | null {
  const lesson = useRun((s) => s.lesson);
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    if (!lesson || !wordsIn) return null;
    const source =
      lesson.source.kind === 'builtin'
        ? builtinLesson(lesson.source.id, (key) => t(key))
        : lesson.source.lesson;
    return source ? shownLesson(source, language) : null;
  }, [lesson, t, language, wordsIn]);
}
