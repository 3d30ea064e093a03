import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../src/store/preferences';
import { createRunStore } from '../../src/store/runStore';

describe('preferences slice', () => {
  it('starts from the defaults and changes one preference at a time without touching the run', () => {
    const store = createRunStore({ start: () => undefined, send: () => undefined });
    expect(store.getState()).toMatchObject(DEFAULT_PREFERENCES);
    const { config, runState } = store.getState();
    store.getState().setPresentation(true);
    store.getState().setShortcutsOpen(true);
    store.getState().setExplainerOpen(false);
    store.getState().setEmbed(true);
    expect(store.getState()).toMatchObject({
      presentation: true,
      shortcutsOpen: true,
      explainerOpen: false,
      embed: true,
    });
    expect(store.getState().config).toBe(config);
    expect(store.getState().runState).toBe(runState);
  });
});
