import { useTranslation } from 'react-i18next';
import { useRun, useRunStoreApi } from '../store/context';

/** The primary button: Start when idle, Pause while running, Resume when paused, else Restart. */
export function StartPauseButton() {
  const store = useRunStoreApi();
  const runState = useRun((s) => s.runState);
  const missingData = useRun((s) => s.config.dist === 'data' && s.dataSelection === null);
  const { start, pause, resume } = store.getState();
  const { t } = useTranslation();
  const primary =
    runState === 'running'
      ? { label: t('run.pause'), action: pause }
      : runState === 'paused'
        ? { label: t('run.resume'), action: resume }
        : { label: runState === 'idle' ? t('run.start') : t('run.restart'), action: start };
  return (
    <button
      type="button"
      className="primary"
      data-testid="start-pause"
      onClick={primary.action}
      disabled={missingData && runState !== 'running' && runState !== 'paused'}
      title={missingData ? t('run.needsData') : undefined}
    >
      {primary.label}
    </button>
  );
}
