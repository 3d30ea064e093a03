import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useRenderMessage } from '../../i18n/useMessage';
import { useRun } from '../../store/context';
import { selectionText } from '../../store/dataSlice';

/** One line on the data: what is loading, what was read and used, or what went wrong and what to do. */
export function DataStatus() {
  const render = useRenderMessage();
  const load = useRun((s) => s.dataLoad);
  const summary = useRun((s) => s.dataSummary);
  const selection = useRun((s) => s.dataSelection);
  const selectionError = useRun((s) => s.selectionError);
  const { t } = useTranslation();
  let text: ReactNode;
  let error = false;
  if (load.state === 'loading') {
    const share = load.total > 0 ? ` ${Math.round((100 * load.read) / load.total)}%` : '';
    text = load.name ? (
      <Trans
        i18nKey="data.readingName"
        values={{ name: load.name, share }}
        components={{ name: <span translate="no" /> }}
      />
    ) : (
      t('data.reading', { share })
    );
  } else if (load.state === 'error') {
    text = load.message ? render(load.message) : t('data.unreadable');
    error = true;
  } else if (!summary) {
    text = t('data.none');
  } else if (selectionError) {
    text = render(selectionError);
    error = true;
  } else {
    // A file's name is data, not words (translate="no"); a bundled example's title is the catalogue's.
    const used = selection ? ` ${render(selectionText(selection.usedRows, selection.droppedRows))}.` : '';
    const title = summary.example
      ? t(`data.examples.${summary.example.name}`, { defaultValue: summary.name })
      : summary.origin === 'paste'
        ? t('data.pastedName')
        : summary.name;
    text = (
      <>
        <Trans
          i18nKey="data.summary"
          values={{ name: title, rows: summary.rows }}
          count={summary.columns.length}
          components={{
            name: <span translate={summary.example || summary.origin === 'paste' ? undefined : 'no'} />,
          }}
        />
        {used}
      </>
    );
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
