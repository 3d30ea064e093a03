import { useTranslation } from 'react-i18next';
import { useRun, useRunStoreApi } from '../../store/context';
import { switchPresentation } from './presentationMode';

/** The button (also key P) that turns presentation mode on and off. */
export function PresentationToggle() {
  const store = useRunStoreApi();
  const presentation = useRun((s) => s.presentation);
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="toggle"
      data-testid="presentation"
      aria-pressed={presentation}
      title={t('presentation.title')}
      onClick={() => switchPresentation(store, !presentation)}
    >
      {t('presentation.label')}
    </button>
  );
}
