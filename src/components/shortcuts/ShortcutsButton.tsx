import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/context';

/** Opens the keyboard-shortcut overlay (also key ?). */
export function ShortcutsButton() {
  const open = useRun((s) => s.shortcutsOpen);
  const setOpen = useRun((s) => s.setShortcutsOpen);
  const { t } = useTranslation();
  return (
    <button
      type="button"
      data-testid="shortcuts-button"
      aria-haspopup="dialog"
      aria-expanded={open}
      title={t('shortcuts.buttonTitle')}
      onClick={() => setOpen(true)}
    >
      {t('shortcuts.button')} <kbd aria-hidden="true">?</kbd>
    </button>
  );
}
