/** The lab's tagline and footer, the same in the full and the phone layouts. */
import { Trans, useTranslation } from 'react-i18next';

/** One line on what the page does. */
export function Tagline() {
  const { t } = useTranslation();
  return <p className="tagline secondary">{t('app.tagline')}</p>;
}

/** The paper, the machinery, and how the URL carries the settings. */
export function LabFooter() {
  return (
    <footer className="secondary">
      <Trans
        i18nKey="app.footer"
        values={{ run: '&run=1', present: '&present=1', embed: '&embed=1' }}
        components={{ code: <code translate="no" /> }}
      />
    </footer>
  );
}
