import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef } from 'react';
import { useRun } from '../../store/context';
import { SHORTCUTS } from './shortcutKeys';

/** The overlay listing the keyboard shortcuts (key ?); a modal dialog closed by Esc or its button. */
export function ShortcutsDialog() {
  const open = useRun((s) => s.shortcutsOpen);
  const setOpen = useRun((s) => s.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { t } = useTranslation();

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
      <h2 id={titleId}>{t('shortcuts.title')}</h2>
      <dl className="shortcut-list">
        {SHORTCUTS.map((shortcut) => (
          <div key={shortcut.action}>
            <dt>
              <kbd>
                {shortcut.keyLabel.length > 1 ? t(`shortcuts.keys.${shortcut.keyLabel}`) : shortcut.keyLabel}
              </kbd>
            </dt>
            <dd>{t(`shortcuts.list.${shortcut.action}`)}</dd>
          </div>
        ))}
      </dl>
      <p className="shortcut-note">{t('shortcuts.note')}</p>
      <button type="button" data-testid="shortcuts-close" onClick={() => setOpen(false)}>
        {t('shortcuts.close')}
      </button>
    </dialog>
  );
}
