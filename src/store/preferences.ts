/** The store's preferences slice: presentation and embed modes, the shortcut overlay, the explainer. */
import type { StoreContext } from './storeContext';
import type { PreferencesActions, PreferencesValues } from './types';

/** Preferences when the page opens without page flags. */
export const DEFAULT_PREFERENCES: PreferencesValues = Object.freeze({
  presentation: false,
  embed: false,
  shortcutsOpen: false,
  explainerOpen: true,
  view: 'lab',
  language: 'en',
});

/** Creates the preferences' values and actions over `ctx`. */
export function createPreferences({
  set,
}: Pick<StoreContext, 'set'>): PreferencesValues & PreferencesActions {
  return {
    ...DEFAULT_PREFERENCES,
    setPresentation: (presentation) => set({ presentation }),
    setEmbed: (embed) => set({ embed }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    setExplainerOpen: (explainerOpen) => set({ explainerOpen }),
    setView: (view) => set({ view }),
    setLanguage: (language) => set({ language }),
  };
}
