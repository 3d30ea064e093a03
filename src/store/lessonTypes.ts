/** The lesson slice's state and operations (see lessonSlice.ts). */
import type { Lesson, SiteLessonEntry } from '../protocol/lesson';
import type { Message } from '../protocol/message';

/** A lesson open on the page: built in (its words in the catalogue), or loaded (its words its own). */
export type LessonSource =
  { readonly kind: 'builtin'; readonly id: string } | { readonly kind: 'loaded'; readonly lesson: Lesson };

/** The open lesson and how a link names it. */
export interface OpenLesson {
  readonly source: LessonSource;
  /** `lesson=` in the URL: a built-in or site lesson's name, `~…` for one carried whole, or null. */
  readonly ref: string | null;
}

/** What the lesson slice keeps. */
export interface LessonValues {
  readonly lesson: OpenLesson | null;
  /** The step shown, from 0. */
  readonly lessonStep: number;
  /** A lesson is being fetched, decoded or read. */
  readonly lessonLoading: boolean;
  /** Why the last lesson asked for was not opened; null when nothing went wrong. */
  readonly lessonProblem: Message | null;
  /** Controls hidden by the link (`hide=`), besides those the lesson's step hides. */
  readonly urlHidden: readonly string[];
  /** The lessons the site ships under lessons/ (null until asked for). */
  readonly siteLessons: readonly SiteLessonEntry[] | null;
}

/** What the lesson slice does. */
export interface LessonActions {
  /** Opens the lesson a link names (built-in id, site lesson name, or `~…`) at `step` (from 0). */
  openLesson(ref: string, step?: number): Promise<void>;
  /** Opens a lesson from a file the user chose (JSON). */
  openLessonFile(file: Blob): Promise<void>;
  /** Enters step `index` of the open lesson: applies its configuration, starts it if it says so. */
  goToLessonStep(index: number): void;
  /** Leaves the lesson: the full lab again (controls the link hides stay hidden). */
  closeLesson(): void;
  /** Sets the controls the link hides. */
  setUrlHidden(keys: readonly string[]): void;
  /** Forgets the last lesson problem. */
  dismissLessonProblem(): void;
  /** Reads the site's lesson index (once), for the lesson menu. */
  loadSiteLessons(): Promise<void>;
}
