import { useEffect, useId, useRef } from 'react';
import { useRun } from '../../store/context';
import { SHORTCUTS } from './shortcutKeys';

/** The overlay listing the keyboard shortcuts (key ?); a modal dialog closed by Esc or its button. */
export function ShortcutsDialog() {
  const open = useRun((s) => s.shortcutsOpen);
  const setOpen = useRun((s) => s.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      data-testid="shortcuts"
      aria-labelledby={titleId}
      // Esc closes a modal dialog natively; keep the store in step however it closed. The close
      // event is queued: if the dialog was opened again meanwhile (Close, then ? at once), it is stale.
      onClose={(event) => {
        if (!event.currentTarget.open) setOpen(false);
      }}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(event) => {
        if (event.target === event.currentTarget) setOpen(false);
      }}
    >
      <h2 id={titleId}>Keyboard shortcuts</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              <kbd>{shortcut.keyLabel}</kbd>
            </dt>
            <dd>{shortcut.description}</dd>
          </div>
        ))}
      </dl>
      <p className="shortcut-note">
        They do nothing while you type in a field or choose from a menu, or with Ctrl, Alt or ⌘ held. Arrow
        keys move a focused slider; Space presses a focused button.
      </p>
      <button type="button" data-testid="shortcuts-close" onClick={() => setOpen(false)}>
        Close
      </button>
    </dialog>
  );
}
