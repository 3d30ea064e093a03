/** The page's keyboard shortcuts: Space, S, R, P, ?, and ← / → in a lesson, wired to the store. */
import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { useRunStoreApi } from '../../store/context';
import type { RunStoreState } from '../../store/runStore';
import { switchPresentation } from '../presentation/presentationMode';
import { shortcutFor, type FocusInfo, type ShortcutAction } from './shortcutKeys';

/** What the shortcut rules need to know about the focused element. */
function focusInfo(target: EventTarget | null): FocusInfo | null {
  if (!(target instanceof HTMLElement)) return null;
  return {
    tagName: target.tagName,
    inputType: target instanceof HTMLInputElement ? target.type.toLowerCase() : null,
    role: target.getAttribute('role'),
    isContentEditable: target.isContentEditable,
    scrollsSideways: target !== document.body && target.scrollWidth > target.clientWidth + 1,
  };
}

/** Carries out a shortcut's action. */
function perform(store: StoreApi<RunStoreState>, action: ShortcutAction): void {
  const state = store.getState();
  switch (action) {
    case 'toggle-run':
      // The same choice as the Start / Pause / Resume button.
      if (state.runState === 'running') state.pause();
      else if (state.runState === 'paused') state.resume();
      else state.start();
      return;
    case 'step':
      state.stepOnce();
      return;
    case 'reset':
      state.reset();
      return;
    case 'presentation':
      switchPresentation(store, !state.presentation);
      return;
    case 'shortcuts':
      state.setShortcutsOpen(!state.shortcutsOpen);
      return;
    case 'lesson-next':
    case 'lesson-previous':
      if (state.lesson) state.goToLessonStep(state.lessonStep + (action === 'lesson-next' ? 1 : -1));
      return;
  }
}

/** Listens for shortcut keys on the whole page while the app is mounted. */
export function useKeyboardShortcuts(): void {
  const store = useRunStoreApi();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event, focusInfo(event.target));
      if (action === null) return;
      // While the overlay is open it is modal: only ? (or Esc, or its button) closes it.
      if (store.getState().shortcutsOpen && action !== 'shortcuts') return;
      // Without a lesson the arrows keep their usual meaning (scrolling the page).
      if ((action === 'lesson-next' || action === 'lesson-previous') && !store.getState().lesson) return;
      event.preventDefault(); // Space would scroll the page
      perform(store, action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
