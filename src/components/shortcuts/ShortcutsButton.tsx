import { useRun } from '../../store/context';

/** Opens the keyboard-shortcut overlay (also key ?). */
export function ShortcutsButton() {
  const open = useRun((s) => s.shortcutsOpen);
  const setOpen = useRun((s) => s.setShortcutsOpen);
  return (
    <button
      type="button"
      data-testid="shortcuts-button"
      aria-haspopup="dialog"
      aria-expanded={open}
      title="Keyboard shortcuts (?)"
      onClick={() => setOpen(true)}
    >
      Shortcuts <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
