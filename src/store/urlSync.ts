/** Keeps the run settings and the page's URL hash in step, so any configuration is a link. */
import type { StoreApi } from 'zustand/vanilla';
import { PARAMS } from '../protocol/config';
import { configFromHash, configToHash } from '../protocol/urlHash';
import type { RunStoreState } from './runStore';

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
    const { config, autoRun, notices } = configFromHash(host.location.hash);
    const current = store.getState().config;
    // A hand edit that changes nothing (or only the notation) leaves the run alone.
    if (PARAMS.some((spec) => String(config[spec.key]) !== String(current[spec.key])))
      store.getState().loadConfig(config, notices);
    else if (notices.length > 0) store.getState().addNotices(notices);
    host.history.replaceState(null, '', configToHash(config));
    if (autoRun) store.getState().start();
  };
  applyHash();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.config !== previous.config) host.history.replaceState(null, '', configToHash(state.config));
  });
  host.addEventListener('hashchange', applyHash);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', applyHash);
  };
}
