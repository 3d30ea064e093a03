import { useRun, useRunStoreApi } from '../store/context';
import { csvFileName, runToCsv } from '../store/csv';
import { ShareLink } from './ShareLink';

/** Saves text as a file through a temporary object URL (no network involved). */
function downloadText(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Start / Pause / Resume, Step, Reset, Download CSV and Copy link. */
export function RunControls() {
  const store = useRunStoreApi();
  const runState = useRun((s) => s.runState);
  const hasSteps = useRun((s) => s.results.length > 0);
  const { start, pause, resume, stepOnce, reset } = store.getState();

  const primary =
    runState === 'running'
      ? { label: 'Pause', action: pause }
      : runState === 'paused'
        ? { label: 'Resume', action: resume }
        : { label: runState === 'idle' ? 'Start' : 'Restart', action: start };

  const exportCsv = () => {
    const { runConfig, results, backend } = store.getState();
    if (!runConfig) return;
    const csv = runToCsv(runConfig, results, {
      backend: backend?.backend ?? null,
      adamEpsilon: backend?.adamEpsilon ?? null,
      exportedAt: new Date(),
    });
    downloadText(csv, csvFileName(runConfig));
  };

  return (
    <div className="run-controls" role="group" aria-label="Run controls">
      <button type="button" className="primary" data-testid="start-pause" onClick={primary.action}>
        {primary.label}
      </button>
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
      <ShareLink />
    </div>
  );
}
