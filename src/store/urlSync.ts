/** Keeps the run settings and the page's URL hash in step, so any configuration is a link. */
import type { StoreApi } from 'zustand/vanilla';
import { PARAMS } from '../protocol/config';
import { configFromHash, configToHash, type PageFlag } from '../protocol/urlHash';
import { parseSweepParam, sweepToParam } from './history';
import type { RunStoreState } from './runStore';

/** The page flags the URL carries for the current state: the sweep, when one is set up. */
function flagsOf(state: RunStoreState): Partial<Record<PageFlag, string>> {
  return state.sweep ? { sweep: sweepToParam(state.sweep) } : {};
}

/** The parts of `window` this module uses, so tests can pass a stand-in. */
export interface UrlHost {
  readonly location: { readonly hash: string };
  readonly history: { replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: () => void): void;
  removeEventListener(type: 'hashchange', listener: () => void): void;
}

/**
 * Loads settings from the hash (reporting bad entries as notices, starting when `run=1`), then
 * mirrors every settings change into the hash and follows hand edits of it. Returns an unsubscribe.
 */
export function syncConfigWithUrl(store: StoreApi<RunStoreState>, host: UrlHost): () => void {
  const applyHash = () => {
    const { config, flags, autoRun, notices } = configFromHash(host.location.hash);
    const state = store.getState();
    // A hand edit that changes nothing (or only the notation) leaves the run alone.
    if (PARAMS.some((spec) => String(config[spec.key]) !== String(state.config[spec.key])))
      state.loadConfig(config, notices);
    else if (notices.length > 0) state.addNotices(notices);
    let sweepReady = false;
    if (flags.sweep && flags.sweep !== (state.sweep && sweepToParam(state.sweep))) {
      try {
        const { key, values } = parseSweepParam(flags.sweep);
        store.getState().prepareSweep(key, values);
        sweepReady = true;
      } catch (error) {
        store
          .getState()
          .addNotices([
            `URL parameter sweep is invalid (${error instanceof Error ? error.message : String(error)}); no sweep was set up.`,
          ]);
      }
    }
    host.history.replaceState(null, '', configToHash(config, flagsOf(store.getState())));
    if (autoRun && sweepReady) store.getState().runSweep();
    else if (autoRun) store.getState().start();
  };
  applyHash();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config !== previous.config || state.sweep !== previous.sweep)
      host.history.replaceState(null, '', configToHash(state.config, flagsOf(state)));
  });
  host.addEventListener('hashchange', applyHash);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', applyHash);
  };
}
