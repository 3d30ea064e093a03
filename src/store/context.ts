/** React access to the run store: a provider value and a selector hook. */
import { createContext, useContext } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { RunStoreState } from './runStore';

/** Carries the app's run store down the React tree. */
export const RunStoreContext = createContext<StoreApi<RunStoreState> | null>(null);

/** Reads one slice of the run store; re-renders only when that slice changes. */
export function useRun<T>(selector: (state: RunStoreState) => T): T {
  return useStore(useRunStoreApi(), selector);
}

/** The run store itself, for reading state at event time without subscribing to it. */
export function useRunStoreApi(): StoreApi<RunStoreState> {
  const store = useContext(RunStoreContext);
  if (!store) throw new Error('useRunStoreApi must be used inside <RunStoreContext.Provider>');
  return store;
}
