import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/context';
import { ColumnPicker } from './ColumnPicker';
import { DataLoader } from './DataLoader';
import { DataStatus } from './DataStatus';
import { SplitNote } from './SplitNote';

/**
 * Your data: where it comes from (a file, a drop, pasted text or a bundled example), what was read,
 * which columns are X and Y, and how the rows are split. Shown when the distribution is "Your data".
 */
export function DataPanel() {
  const dist = useRun((s) => s.config.dist);
  const { t } = useTranslation();
  if (dist !== 'data') return null;
  return (
    <section className="data-panel" aria-label={t('options.dist.data')} data-testid="data-panel">
      <p className="privacy-note">{t('data.privacy')}</p>
      <DataLoader />
      <DataStatus />
      <ColumnPicker />
      <SplitNote />
    </section>
  );
}
