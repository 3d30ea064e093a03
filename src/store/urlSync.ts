/** Keeps the run settings and the page's URL hash in step, so any configuration is a link. */
import type { StoreApi } from 'zustand/vanilla';
import { PARAMS } from '../protocol/config';
import { configFromHash, configToHash, type PageFlag } from '../protocol/urlHash';
import { parseSweepParam, sweepToParam } from './history';
import type { RunStoreState } from './runStore';

/** The parts of `window` this module uses, so tests can pass a stand-in. */
export interface UrlHost {
  readonly location: { readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * The page flags the URL keeps while they are on: presentation, embed, and the sweep when one is
 * set up (`run` is read once and never written back).
 */
export function pageFlags(
  state: Pick<RunStoreState, 'presentation' | 'embed' | 'sweep' | 'config' | 'dataSummary'>,
): Partial<Record<PageFlag, string>> {
  const example = state.config.dist === 'data' ? state.dataSummary?.example : null;
  return {
    ...(state.presentation ? { present: '1' } : {}),
    ...(state.embed ? { embed: '1' } : {}),
    ...(state.sweep ? { sweep: sweepToParam(state.sweep) } : {}),
    ...(example ? { data: `example:${example.name}` } : {}),
  };
}

/**
 * Loads settings and the presentation and embed flags from the hash (reporting bad entries as
 * notices, starting when `run=1`), then mirrors every change of them into the hash and follows
 * hand edits of it. Returns an unsubscribe.
 */
export function syncConfigWithUrl(store: StoreApi<RunStoreState>, host: UrlHost): () => void {
  const writeHash = () => {
    const state = store.getState();
    host.history.replaceState(null, '', configToHash(state.config, pageFlags(state)));
  };
  const applyHash = () => {
    const { config, flags, autoRun, notices } = configFromHash(host.location.hash);
    const state = store.getState();
    // A hand edit that changes nothing (or only the notation) leaves the run alone.
    if (PARAMS.some((spec) => String(config[spec.key]) !== String(state.config[spec.key])))
      state.loadConfig(config, notices);
    else if (notices.length > 0) state.addNotices(notices);
    state.setPresentation(flags.present === '1');
    state.setEmbed(flags.embed === '1');
    let sweepReady = false;
    if (flags.sweep && flags.sweep !== (state.sweep && sweepToParam(state.sweep))) {
      try {
        const { key, values } = parseSweepParam(flags.sweep);
        store.getState().prepareSweep(key, values);
        sweepReady = true;
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        store.getState().addNotices([`URL parameter sweep is invalid (${why}); no sweep was set up.`]);
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
      state.dataSummary !== previous.dataSummary
    )
      writeHash();
  });
  host.addEventListener('hashchange', applyHash);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', applyHash);
  };
}
