import { useRun, useRunStoreApi } from '../../store/context';
import { csvFileName, runToCsv } from '../../store/csv';
import { downloadBlob } from './download';

/** Downloads the run as CSV: one row per step, the settings in `#` header lines. */
export function ExportCsvButton() {
  const store = useRunStoreApi();
  const hasSteps = useRun((s) => s.results.length > 0);

  const exportCsv = () => {
    const { runConfig, results, backend } = store.getState();
    if (!runConfig) return;
    const csv = runToCsv(runConfig, results, {
      backend: backend?.backend ?? null,
      adamEpsilon: backend?.adamEpsilon ?? null,
      exportedAt: new Date(),
    });
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName(runConfig));
  };

  return (
    <button
      type="button"
      className="secondary"
      data-testid="export-csv"
      onClick={exportCsv}
      disabled={!hasSteps}
    >
      Download CSV
    </button>
  );
}
