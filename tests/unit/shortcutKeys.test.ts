import { describe, expect, it } from 'vitest';
import {
  SHORTCUTS,
  shortcutFor,
  type FocusInfo,
  type KeyInput,
} from '../../src/components/shortcuts/shortcutKeys';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  repeat: false,
  ...extra,
});

const focus = (tagName: string, extra: Partial<FocusInfo> = {}): FocusInfo => ({
  tagName,
  inputType: null,
  role: null,
  isContentEditable: false,
  ...extra,
});

const body = focus('BODY');
const slider = focus('INPUT', { inputType: 'range' });

describe('keyboard shortcuts', () => {
  it('maps Space, S, R, P and ? to their actions in either case', () => {
    expect(shortcutFor(key(' '), body)).toBe('toggle-run');
    expect(shortcutFor(key('s'), body)).toBe('step');
    expect(shortcutFor(key('S'), null)).toBe('step');
    expect(shortcutFor(key('r'), body)).toBe('reset');
    expect(shortcutFor(key('P'), body)).toBe('presentation');
    expect(shortcutFor(key('?'), body)).toBe('shortcuts');
    expect(SHORTCUTS.map((s) => s.keyLabel)).toEqual(['Space', 'S', 'R', 'P', '→', '←', '?']);
  });

  it('maps → and ← to the lesson steps, except where the arrows already act or with Shift held', () => {
    expect(shortcutFor(key('ArrowRight'), body)).toBe('lesson-next');
    expect(shortcutFor(key('ArrowLeft'), null)).toBe('lesson-previous');
    expect(shortcutFor(key('ArrowRight'), focus('BUTTON'))).toBe('lesson-next');
    expect(shortcutFor(key('ArrowRight', { shiftKey: true }), body)).toBeNull();
    for (const at of [
      slider,
      focus('INPUT', { inputType: 'radio' }),
      focus('INPUT', { inputType: 'text' }),
      focus('SELECT'),
      focus('TEXTAREA'),
      focus('DIV', { isContentEditable: true }),
      focus('DIV', { role: 'slider' }),
      focus('DIV', { role: 'tab' }),
      focus('LI', { role: 'menuitem' }),
      focus('SPAN', { scrollsSideways: true }),
    ])
      expect(shortcutFor(key('ArrowLeft'), at), JSON.stringify(at)).toBeNull();
  });

  it('ignores other keys at a slider, the arrows included (they keep moving it)', () => {
    for (const k of [
      'ArrowLeft',
      'ArrowRight',
      'ArrowUp',
      'ArrowDown',
      'Home',
      'End',
      'PageUp',
      'x',
      'Enter',
    ])
      expect(shortcutFor(key(k), slider), k).toBeNull();
  });

  it('never fires with Ctrl, Meta or Alt held', () => {
    expect(shortcutFor(key('r', { ctrlKey: true }), body)).toBeNull();
    expect(shortcutFor(key('p', { metaKey: true }), body)).toBeNull();
    expect(shortcutFor(key('s', { altKey: true }), body)).toBeNull();
  });

  it('never fires while typing in a text field, a menu or editable content', () => {
    const typing = [
      focus('INPUT'),
      focus('INPUT', { inputType: 'text' }),
      focus('INPUT', { inputType: 'number' }),
      focus('INPUT', { inputType: 'search' }),
      focus('TEXTAREA'),
      focus('SELECT'),
      focus('DIV', { isContentEditable: true }),
      focus('DIV', { role: 'textbox' }),
    ];
    for (const target of typing)
      for (const k of [' ', 's', 'r', 'p', '?'])
        expect(shortcutFor(key(k), target), `${k} in ${JSON.stringify(target)}`).toBeNull();
  });

  it('leaves Space to a focused button or checkbox, but letter keys still work there', () => {
    const activators = [
      focus('BUTTON'),
      focus('SUMMARY'),
      focus('INPUT', { inputType: 'checkbox' }),
      focus('INPUT', { inputType: 'radio' }),
      focus('DIV', { role: 'button' }),
    ];
    for (const target of activators) {
      expect(shortcutFor(key(' '), target)).toBeNull();
      expect(shortcutFor(key('s'), target)).toBe('step');
    }
    // A slider does nothing with Space, so Space starts and pauses there.
    expect(shortcutFor(key(' '), slider)).toBe('toggle-run');
    expect(shortcutFor(key('r'), slider)).toBe('reset');
  });

  it('ignores auto-repeat except for single steps', () => {
    expect(shortcutFor(key(' ', { repeat: true }), body)).toBeNull();
    expect(shortcutFor(key('p', { repeat: true }), body)).toBeNull();
    expect(shortcutFor(key('s', { repeat: true }), body)).toBe('step');
  });
});
