import { useRun, useRunStoreApi } from '../store/context';

/** The primary button: Start when idle, Pause while running, Resume when paused, else Restart. */
export function StartPauseButton() {
  const store = useRunStoreApi();
  const runState = useRun((s) => s.runState);
  const missingData = useRun((s) => s.config.dist === 'data' && s.dataSelection === null);
  const { start, pause, resume } = store.getState();
  const primary =
    runState === 'running'
      ? { label: 'Pause', action: pause }
      : runState === 'paused'
        ? { label: 'Resume', action: resume }
        : { label: runState === 'idle' ? 'Start' : 'Restart', action: start };
  return (
    <button
      type="button"
      className="primary"
      data-testid="start-pause"
      onClick={primary.action}
      disabled={missingData && runState !== 'running' && runState !== 'paused'}
      title={missingData ? 'Load data and choose its X and Y columns first' : undefined}
    >
      {primary.label}
    </button>
  );
}
