/** The lab's footer, the same in the full and the phone layouts (below the fold: its own chunk). */
import { Trans } from 'react-i18next';

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
