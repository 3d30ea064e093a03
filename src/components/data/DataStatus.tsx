import { useTranslation } from 'react-i18next';
import { formatCount } from '../../core/data/table';
import { useRun } from '../../store/context';
import { selectionText } from '../../store/dataSlice';

/** One line on the data: what is loading, what was read and used, or what went wrong and what to do. */
export function DataStatus() {
  const load = useRun((s) => s.dataLoad);
  const summary = useRun((s) => s.dataSummary);
  const selection = useRun((s) => s.dataSelection);
  const selectionError = useRun((s) => s.selectionError);
  const { t } = useTranslation();
  let text: string;
  let error = false;
  if (load.state === 'loading') {
    const share = load.total > 0 ? ` ${Math.round((100 * load.read) / load.total)}%` : '';
    text = load.name ? t('data.readingName', { name: load.name, share }) : t('data.reading', { share });
  } else if (load.state === 'error') {
    text = load.message ?? 'The data could not be read.';
    error = true;
  } else if (!summary) {
    text = t('data.none');
  } else if (selectionError) {
    text = selectionError;
    error = true;
  } else {
    const used = selection ? ` ${selectionText(selection.usedRows, selection.droppedRows)}.` : '';
    text = `${t('data.summary', { name: summary.name, rows: formatCount(summary.rows), count: summary.columns.length })}${used}`;
  }
  return (
    <p
      className={error ? 'data-status error' : 'data-status'}
      data-testid="data-status"
      data-state={error ? 'error' : load.state}
      role={error ? 'alert' : 'status'}
    >
      {text}
    </p>
  );
}
