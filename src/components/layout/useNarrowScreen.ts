/** Whether the window is narrow enough for the phone layout (one column, the plot on the first screen). */
import { useSyncExternalStore } from 'react';

/**
 * The widest window that gets the phone layout: portrait phones and phones held sideways (844 px).
 * The same width as the one-column rule in styles.css, so a narrow window is one column either way.
 */
export const NARROW_SCREEN_QUERY = '(max-width: 860px)';

/** Subscribes to changes of the narrow-screen media query. */
function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_SCREEN_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the window matches NARROW_SCREEN_QUERY; re-renders when it starts or stops matching. */
export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_SCREEN_QUERY).matches);
}
