/**
 * Which keyboard shortcut a key press means, if any. Pure: it sees only the key, its modifiers and
 * what has focus, so that typing in a field, choosing from a menu, moving a slider with the arrow
 * keys or pressing a focused button with Space never fires a shortcut.
 */

/** What a shortcut does. */
export type ShortcutAction =
  'toggle-run' | 'step' | 'reset' | 'presentation' | 'shortcuts' | 'lesson-next' | 'lesson-previous';

/** One shortcut as the overlay lists it (what it does: catalogue `shortcuts.list.<action>`). */
export interface Shortcut {
  readonly action: ShortcutAction;
  /** The key as printed on the keyboard (a named key's label: catalogue `shortcuts.keys.<name>`). */
  readonly keyLabel: string;
}

/** Every shortcut, in the order the overlay lists them. */
export const SHORTCUTS: readonly Shortcut[] = Object.freeze([
  { action: 'toggle-run', keyLabel: 'Space' },
  { action: 'step', keyLabel: 'S' },
  { action: 'reset', keyLabel: 'R' },
  { action: 'presentation', keyLabel: 'P' },
  { action: 'lesson-next', keyLabel: '→' },
  { action: 'lesson-previous', keyLabel: '←' },
  { action: 'shortcuts', keyLabel: '?' },
]);

/** The parts of a keyboard event that decide a shortcut. */
export interface KeyInput {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** Shift (Shift+arrow selects text in browsers: never a lesson step). */
  readonly shiftKey?: boolean;
  /** Whether the key is held down and auto-repeating. */
  readonly repeat: boolean;
}

/** The parts of the focused element that decide whether a shortcut may fire. */
export interface FocusInfo {
  /** Upper-case tag name, e.g. "INPUT". */
  readonly tagName: string;
  /** The `type` attribute of an input, lower-case. */
  readonly inputType: string | null;
  /** The explicit ARIA role, if any. */
  readonly role: string | null;
  readonly isContentEditable: boolean;
  /** Whether the element scrolls sideways itself (a wide formula), so ← and → scroll it. */
  readonly scrollsSideways?: boolean;
}

/** Input types that do not take typed text. */
const NON_TEXT_INPUTS = new Set([
  'range',
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'color',
  'file',
  'image',
]);

/** Input types and roles that Space activates by itself. */
const SPACE_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file', 'image']);
const SPACE_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'menuitem', 'option', 'tab', 'link']);

/** Roles whose widgets move with ← and → (ARIA's keyboard patterns). */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'radio',
  'radiogroup',
  'tab',
  'tablist',
  'menuitem',
  'menu',
  'listbox',
  'option',
  'scrollbar',
  'tree',
  'grid',
]);

/** Whether ← and → already do something at `focus` (move a slider, choose a radio, scroll). */
export function arrowsActOn(focus: FocusInfo): boolean {
  if (isTypingTarget(focus) || focus.scrollsSideways) return true;
  if (focus.tagName === 'INPUT' && (focus.inputType === 'range' || focus.inputType === 'radio')) return true;
  return focus.role !== null && ARROW_ROLES.has(focus.role);
}

/** Whether keys typed at `focus` are text (or a menu choice) rather than commands. */
export function isTypingTarget(focus: FocusInfo): boolean {
  if (focus.isContentEditable || focus.tagName === 'TEXTAREA' || focus.tagName === 'SELECT') return true;
  if (focus.role === 'textbox' || focus.role === 'combobox' || focus.role === 'searchbox') return true;
  return focus.tagName === 'INPUT' && !NON_TEXT_INPUTS.has(focus.inputType ?? 'text');
}

/** Whether Space already does something at `focus` (presses a button, ticks a box). */
export function spaceActivates(focus: FocusInfo): boolean {
  if (focus.tagName === 'BUTTON' || focus.tagName === 'SUMMARY') return true;
  if (focus.tagName === 'INPUT' && SPACE_INPUTS.has(focus.inputType ?? 'text')) return true;
  return focus.role !== null && SPACE_ROLES.has(focus.role);
}

/** The action a key press asks for, or null when it is not a shortcut here. */
export function shortcutFor(input: KeyInput, focus: FocusInfo | null): ShortcutAction | null {
  if (input.ctrlKey || input.metaKey || input.altKey) return null;
  if (focus && isTypingTarget(focus)) return null;
  const action = actionForKey(input.key);
  if (action === null) return null;
  if (action === 'toggle-run' && focus && spaceActivates(focus)) return null;
  if (
    (action === 'lesson-next' || action === 'lesson-previous') &&
    (input.shiftKey || (focus && arrowsActOn(focus)))
  )
    return null;
  // Holding S steps repeatedly; a held toggle would flicker.
  if (input.repeat && action !== 'step') return null;
  return action;
}

/** The action bound to a key, whatever has focus. */
function actionForKey(key: string): ShortcutAction | null {
  switch (key) {
    case ' ':
    case 'Spacebar':
      return 'toggle-run';
    case 's':
    case 'S':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    case 'p':
    case 'P':
      return 'presentation';
    case '?':
      return 'shortcuts';
    case 'ArrowRight':
      return 'lesson-next';
    case 'ArrowLeft':
      return 'lesson-previous';
    default:
      return null;
  }
}
