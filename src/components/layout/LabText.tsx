/** The lab's tagline, the same in the full and the phone layouts. */
import { useTranslation } from 'react-i18next';

/** One line on what the page does. */
export function Tagline() {
  const { t } = useTranslation();
  return <p className="tagline secondary">{t('app.tagline')}</p>;
}
