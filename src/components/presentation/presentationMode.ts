/** Switching presentation mode: the store's flag, plus fullscreen where the browser allows it. */
import type { StoreApi } from 'zustand/vanilla';
import type { RunStoreState } from '../../store/runStore';

/**
 * Turns presentation mode on or off. On the way in it asks for fullscreen (only granted during a
 * click or key press, and not in an iframe without permission: a refusal is ignored); on the way
 * out it leaves fullscreen. Leaving fullscreen by itself (Esc) keeps presentation mode.
 */
export function switchPresentation(store: StoreApi<RunStoreState>, on: boolean): void {
  store.getState().setPresentation(on);
  const root = document.documentElement;
  try {
    if (on && !document.fullscreenElement && typeof root.requestFullscreen === 'function') {
      root.requestFullscreen().catch(() => undefined);
    } else if (!on && document.fullscreenElement && typeof document.exitFullscreen === 'function') {
      document.exitFullscreen().catch(() => undefined);
    }
  } catch {
    // Fullscreen is a nicety: presentation mode works without it.
  }
}
