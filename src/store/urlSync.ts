/** Keeps the run settings and the page's URL hash in step, so any configuration is a link. */
import type { StoreApi } from 'zustand/vanilla';
import { PARAMS } from '../protocol/config';
import { errorValue, message, type Message } from '../protocol/message';
import { configFromHash, configToHash, type PageFlag } from '../protocol/urlHash';
import { suiteFromHash, suiteToHash } from '../protocol/suite';
import { parseLanguage, preferredLanguage } from '../i18n/languages';
import { parseHideList } from '../protocol/lesson';
import { parseSweepParam, sweepToParam } from './history';
import type { RunStoreState } from './runStore';

/** The parts of `window` this module uses, so tests can pass a stand-in. */
export interface UrlHost {
  readonly location: { readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  /** The browser's preferred languages (the page's language when the link names none). */
  readonly navigator?: { readonly languages: readonly string[] };
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * The page flags the URL keeps while they are on: presentation, embed, and the sweep when one is
 * set up (`run` is read once and never written back).
 */
export function pageFlags(
  state: Pick<
    RunStoreState,
    | 'presentation'
    | 'embed'
    | 'sweep'
    | 'config'
    | 'dataSummary'
    | 'language'
    | 'lesson'
    | 'lessonStep'
    | 'urlHidden'
  >,
): Partial<Record<PageFlag, string>> {
  const example = state.config.dist === 'data' ? state.dataSummary?.example : null;
  return {
    ...(state.presentation ? { present: '1' } : {}),
    ...(state.embed ? { embed: '1' } : {}),
    ...(state.sweep ? { sweep: sweepToParam(state.sweep) } : {}),
    ...(example ? { data: `example:${example.name}` } : {}),
    ...(state.language !== 'en' ? { lang: state.language } : {}),
    ...(state.lesson?.ref ? { lesson: state.lesson.ref, step: String(state.lessonStep + 1) } : {}),
    ...(state.urlHidden.length > 0 ? { hide: state.urlHidden.join(',') } : {}),
  };
}

/**
 * Follows a link's lesson: opens the one it names (at its step), moves to the step it names, or —
 * when the link names none — leaves the lesson it came from. Returns whether the lesson sets the
 * configuration (the link's own settings then give way to the step's).
 */
function followLesson(
  store: StoreApi<RunStoreState>,
  ref: string | undefined,
  stepFlag: string | undefined,
): boolean {
  const state = store.getState();
  const step = stepFlag ? Number(stepFlag) - 1 : 0;
  if (ref === undefined) {
    // A lesson from a file that was too long for a link has no ref: only leaving closes it.
    if (state.lesson?.ref) state.closeLesson();
    return false;
  }
  if (state.lesson?.ref !== ref) {
    void state.openLesson(ref, step);
    return true;
  }
  if (step !== state.lessonStep) {
    state.goToLessonStep(step);
    return true;
  }
  return false;
}

/** The notice for `hide=` names the page does not know. */
function hiddenNotice(unknown: readonly string[]): Message {
  const names = unknown
    .slice(0, 5)
    .map((name) => `"${name.slice(0, 40)}"`)
    .join(', ');
  return message('notices.url.unknownHidden', { count: unknown.length, names });
}

/** The browser's preferred language (English where the host has no navigator, as in tests). */
function preferredLanguageOf(host: UrlHost): ReturnType<typeof preferredLanguage> {
  return preferredLanguage(host.navigator?.languages ?? []);
}

/**
 * Loads settings and the presentation and embed flags from the hash (reporting bad entries as
 * notices, starting when `run=1`), then mirrors every change of them into the hash and follows
 * hand edits of it. Returns an unsubscribe.
 */
export function syncConfigWithUrl(store: StoreApi<RunStoreState>, host: UrlHost): () => void {
  const writeHash = () => {
    const state = store.getState();
    const lang = state.language !== 'en' ? `&lang=${state.language}` : '';
    const hash =
      state.view === 'suite'
        ? `${suiteToHash(state.suiteDefinition)}${lang}`
        : configToHash(state.config, pageFlags(state));
    host.history.replaceState(null, '', hash);
  };
  /** A suite link (`view=suite&tasks=…`): the suite view, its definition and its kept cells. */
  const applySuiteHash = () => {
    const { definition, notices } = suiteFromHash(host.location.hash);
    const state = store.getState();
    state.setView('suite');
    const lang = new URLSearchParams(host.location.hash.replace(/^#/, '')).get('lang');
    state.setLanguage(parseLanguage(lang) ?? preferredLanguageOf(host));
    if (notices.length > 0) state.addNotices(notices);
    const same = JSON.stringify(definition) === JSON.stringify(state.suiteDefinition);
    if (!same || state.suiteState === 'idle') void state.openSuite(definition);
    writeHash();
  };
  const applyHash = () => {
    if (new URLSearchParams(host.location.hash.replace(/^#/, '')).get('view') === 'suite') {
      applySuiteHash();
      return;
    }
    store.getState().setView('lab');
    const parsed = configFromHash(host.location.hash);
    const { config, flags, autoRun } = parsed;
    const state = store.getState();
    const hidden = parseHideList(flags.hide ?? '');
    state.setUrlHidden(hidden.keys);
    const notices =
      hidden.unknown.length > 0 ? [...parsed.notices, hiddenNotice(hidden.unknown)] : parsed.notices;
    const lessonSetsConfig = followLesson(store, flags.lesson, flags.step);
    // A hand edit that changes nothing (or only the notation) leaves the run alone.
    if (
      !lessonSetsConfig &&
      PARAMS.some((spec) => String(config[spec.key]) !== String(state.config[spec.key]))
    )
      state.loadConfig(config, notices);
    else if (notices.length > 0) state.addNotices(notices);
    state.setLanguage(parseLanguage(flags.lang) ?? preferredLanguageOf(host));
    state.setPresentation(flags.present === '1');
    state.setEmbed(flags.embed === '1');
    if (lessonSetsConfig) {
      // The lesson's step sets the data, the run and the sweep (none) itself.
      writeHash();
      return;
    }
    let sweepReady = false;
    if (flags.sweep && flags.sweep !== (state.sweep && sweepToParam(state.sweep))) {
      try {
        const { key, values } = parseSweepParam(flags.sweep);
        store.getState().prepareSweep(key, values);
        sweepReady = true;
      } catch (error) {
        store.getState().addNotices([message('notices.url.badSweep', { why: errorValue(error) })]);
      }
    }
    writeHash();
    const example = flags.data?.slice('example:'.length);
    if (example && example !== store.getState().dataSummary?.example?.name) {
      // The bundled example loads first; a run asked for starts once it is in.
      void store
        .getState()
        .loadExample(example)
        .then(() => autoRun && store.getState().dataSelection && store.getState().start());
    } else if (autoRun && sweepReady) store.getState().runSweep();
    else if (autoRun) store.getState().start();
  };
  applyHash();
  const unsubscribe = store.subscribe((state, previous) => {
    if (
      state.config !== previous.config ||
      state.presentation !== previous.presentation ||
      state.embed !== previous.embed ||
      state.sweep !== previous.sweep ||
      state.dataSummary !== previous.dataSummary ||
      state.view !== previous.view ||
      state.language !== previous.language ||
      state.lesson !== previous.lesson ||
      state.lessonStep !== previous.lessonStep ||
      state.urlHidden !== previous.urlHidden ||
      state.suiteDefinition !== previous.suiteDefinition
    )
      writeHash();
  });
  host.addEventListener('hashchange', applyHash);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', applyHash);
  };
}
