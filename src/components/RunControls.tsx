import { useRun, useRunStoreApi } from '../store/context';
import { csvFileName, runToCsv } from '../store/csv';
import { downloadBlob } from './export/download';
import { SavePngButton } from './export/SavePngButton';
import { ShareLink } from './ShareLink';
import { StartPauseButton } from './StartPauseButton';

/** Start / Pause / Resume, Step, Reset, Download CSV, Save PNG and Copy link. */
export function RunControls() {
  const store = useRunStoreApi();
  const runState = useRun((s) => s.runState);
  const hasSteps = useRun((s) => s.results.length > 0);
  const { stepOnce, reset } = store.getState();

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
    <div className="run-controls" role="group" aria-label="Run controls">
      <StartPauseButton />
      <button type="button" data-testid="step-once" onClick={stepOnce} disabled={runState === 'running'}>
        Step
      </button>
      <button type="button" data-testid="reset" onClick={reset} disabled={runState === 'idle'}>
        Reset
      </button>
      <button
        type="button"
        className="secondary"
        data-testid="export-csv"
        onClick={exportCsv}
        disabled={!hasSteps}
      >
        Download CSV
      </button>
      <SavePngButton />
      <ShareLink />
    </div>
  );
}
