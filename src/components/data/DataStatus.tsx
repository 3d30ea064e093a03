import { formatCount } from '../../core/data/table';
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
  let text: string;
  let error = false;
  if (load.state === 'loading') {
    const share = load.total > 0 ? ` ${Math.round((100 * load.read) / load.total)}%` : '';
    text = `Reading ${load.name ?? 'the data'}…${share}`;
  } else if (load.state === 'error') {
    text = load.message ? render(load.message) : 'The data could not be read.';
    error = true;
  } else if (!summary) {
    text = 'No data yet: choose a file, drop one on the page, paste rows or pick an example.';
  } else if (selectionError) {
    text = render(selectionError);
    error = true;
  } else {
    const columns = `${summary.columns.length} column${summary.columns.length === 1 ? '' : 's'}`;
    const used = selection ? ` ${render(selectionText(selection.usedRows, selection.droppedRows))}.` : '';
    text = `${summary.name}: ${formatCount(summary.rows)} rows, ${columns}.${used}`;
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
