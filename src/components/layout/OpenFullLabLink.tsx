import { useTranslation } from 'react-i18next';
import { configToHash } from '../../protocol/urlHash';
import { useRun } from '../../store/context';

/** From the embedded layout: the same settings in the full lab, in a new tab. */
export function OpenFullLabLink() {
  const config = useRun((s) => s.config);
  const presentation = useRun((s) => s.presentation);
  const { t } = useTranslation();
  const href = `${window.location.href.split('#')[0]}${configToHash(config, presentation ? { present: '1' } : {})}`;
  return (
    <a className="open-full-lab" data-testid="open-full-lab" href={href} target="_blank" rel="noopener">
      {t('app.openFullLab')} <span aria-hidden="true">↗</span>
    </a>
  );
}
