/** Offline support: registers the service worker that precaches the built site. */
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker once the page has loaded and gone idle, so caching the whole site
 * never competes with the first training steps. `onUpdateReady` is told when a new deployment is
 * installed and waiting, with a function that switches to it (reloading the page).
 */
export function registerOfflineSupport(onUpdateReady: (applyUpdate: () => void) => void): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    const updateServiceWorker = registerSW({
      immediate: true,
      onNeedRefresh: () => onUpdateReady(() => void updateServiceWorker(true)),
    });
  };
  const whenIdle = () => setTimeout(register, 1500);
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
