/**
 * The lesson open on the page: which one, which step, and what it hides. Entering a step loads its
 * configuration like a link would (and starts it when the step says so); leaving returns the full
 * lab. Lessons come built in, from the site's lessons/ folder, whole from a link, or from a file;
 * all but the built-in ones are untrusted and pass protocol/lesson.ts's checks first.
 */
import { BUILTIN_LESSONS } from '../protocol/builtinLessons';
import { PARAMS } from '../protocol/config';
import {
  LessonError,
  decodeLessonLink,
  encodeLessonLink,
  isLessonName,
  parseLesson,
  parseLessonIndex,
} from '../protocol/lesson';
import { message } from '../protocol/message';
import { configFromHash } from '../protocol/urlHash';
import type { LessonActions, LessonValues, OpenLesson } from './lessonTypes';
import type { StoreContext } from './storeContext';
import type { RunStoreState } from './types';

/** Longest `lesson=~…` a file's lesson is given, so that its link still fits a slide's QR code… or a chat. */
const MAX_LINK_CHARS = 8000;

/** Where the site's own lessons are: `lessons/<name>.json` beside the page. */
export interface LessonDependencies {
  /** The JSON text of the site lesson `name`, or null when the site has none by that name. */
  fetchSiteLesson(name: string): Promise<string | null>;
  /** The site's lessons/index.json, or null when it has none. */
  fetchSiteIndex(): Promise<string | null>;
}

/** A file beside the page, or null when there is none (404). */
async function fetchBesidePage(path: string): Promise<string | null> {
  const response = await fetch(new URL(path, document.baseURI));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(String(response.status));
  return response.text();
}

/** The site's lessons, fetched from lessons/ beside the page (so it works from any sub-path). */
export function siteLessons(): LessonDependencies {
  return {
    fetchSiteLesson: (name) => fetchBesidePage(`lessons/${name}.json`),
    fetchSiteIndex: () => fetchBesidePage('lessons/index.json'),
  };
}

/** A step as the player enters it: its configuration, whether it starts, what it hides. */
interface StepPlan {
  readonly config: string;
  readonly run?: boolean;
  readonly hide?: readonly string[];
}

/** The steps of an open lesson. */
export function lessonSteps(open: OpenLesson): readonly StepPlan[] {
  return open.source.kind === 'builtin' ? (BUILTIN_LESSONS[open.source.id] ?? []) : open.source.lesson.steps;
}

/** Whether `key` (a setting or a panel) is hidden: by the link, or by the lesson's current step. */
export function isHidden(
  state: Pick<RunStoreState, 'lesson' | 'lessonStep' | 'urlHidden'>,
  key: string,
): boolean {
  if (state.urlHidden.includes(key)) return true;
  const step = state.lesson ? lessonSteps(state.lesson)[state.lessonStep] : undefined;
  return step?.hide?.includes(key) ?? false;
}

/** Values with no lesson open. */
export const NO_LESSON: LessonValues = Object.freeze<LessonValues>({
  lesson: null,
  lessonStep: 0,
  lessonLoading: false,
  lessonProblem: null,
  urlHidden: [],
  siteLessons: null,
});

/** The lesson slice's operations over the store. */
export function createLessonSlice(ctx: StoreContext, deps: LessonDependencies): LessonActions {
  const { set, get } = ctx;
  /** Counts requests, so a slow fetch that lost the race does not open its lesson late. */
  let request = 0;

  const enterStep = (index: number) => {
    const { lesson } = get();
    const plan = lesson ? lessonSteps(lesson)[index] : undefined;
    if (!plan) return;
    set({ lessonStep: index });
    const { config, flags } = configFromHash(plan.config);
    // A step on the same settings as the last one keeps its run going (the class watches on).
    const same = PARAMS.every((spec) => String(config[spec.key]) === String(get().config[spec.key]));
    if (!same) get().loadConfig(config);
    const example = flags.data?.slice('example:'.length);
    if (example && example !== get().dataSummary?.example?.name) {
      void get()
        .loadExample(example)
        .then(() => plan.run && get().lessonStep === index && get().dataSelection && get().start());
    } else if (plan.run && (!same || get().runState === 'idle')) get().start();
  };

  const show = (open: OpenLesson, step: number) => {
    const steps = lessonSteps(open);
    set({ lesson: open, lessonLoading: false, lessonProblem: null });
    enterStep(Math.min(Math.max(0, step), steps.length - 1));
  };

  const refuse = (error: unknown) => {
    const problem = error instanceof LessonError ? error.detail : message('lesson.errors.unreadable');
    set({ lessonLoading: false, lessonProblem: problem });
  };

  /** The lesson `ref` names, read and checked. */
  const load = async (ref: string): Promise<OpenLesson> => {
    if (ref.startsWith('~'))
      return { source: { kind: 'loaded', lesson: parseLesson(await decodeLessonLink(ref)) }, ref };
    if (Object.hasOwn(BUILTIN_LESSONS, ref)) return { source: { kind: 'builtin', id: ref }, ref };
    const json = isLessonName(ref) ? await deps.fetchSiteLesson(ref) : null;
    if (json === null)
      throw new LessonError(message('lesson.errors.unknownName', { name: ref.slice(0, 60) }));
    return { source: { kind: 'loaded', lesson: parseLesson(json) }, ref };
  };

  return {
    async openLesson(ref, step = 0) {
      const mine = ++request;
      set({ lessonLoading: true, lessonProblem: null });
      try {
        const open = await load(ref);
        if (mine === request) show(open, step);
      } catch (error) {
        if (mine === request) refuse(error);
      }
    },

    async openLessonFile(file) {
      const mine = ++request;
      set({ lessonLoading: true, lessonProblem: null });
      try {
        const lesson = parseLesson(await file.text());
        const link = await encodeLessonLink(lesson);
        if (mine === request)
          show({ source: { kind: 'loaded', lesson }, ref: link.length <= MAX_LINK_CHARS ? link : null }, 0);
      } catch (error) {
        if (mine === request) refuse(error);
      }
    },

    goToLessonStep(index) {
      const { lesson } = get();
      if (!lesson || index < 0 || index >= lessonSteps(lesson).length) return;
      enterStep(index);
    },

    closeLesson() {
      request++;
      set({ lesson: null, lessonStep: 0, lessonLoading: false });
    },

    setUrlHidden(keys) {
      if (keys.join(',') !== get().urlHidden.join(',')) set({ urlHidden: [...keys] });
    },

    dismissLessonProblem: () => set({ lessonProblem: null }),

    async loadSiteLessons() {
      if (get().siteLessons !== null) return;
      let json: string | null;
      try {
        json = await deps.fetchSiteIndex();
      } catch {
        json = null; // offline before the first visit, or no index: the built-in lessons remain
      }
      set({ siteLessons: json === null ? [] : parseLessonIndex(json) });
    },
  };
}
