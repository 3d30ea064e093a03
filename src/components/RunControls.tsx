import { useTranslation } from 'react-i18next';
import { useRun, useRunStoreApi } from '../store/context';
import { useHidden } from './lesson/useHidden';
import { ExportCsvButton } from './export/ExportCsvButton';
import { SavePngButton } from './export/SavePngButton';
import { ShareLink } from './ShareLink';
import { StartPauseButton } from './StartPauseButton';

/**
 * Start / Pause / Resume, Step and Reset, then (unless `exports` is false: the phone layout keeps
 * them in its menu) Download CSV, Save PNG and Copy link.
 */
export function RunControls({ exports = true }: { exports?: boolean }) {
  const store = useRunStoreApi();
  const runState = useRun((s) => s.runState);
  const missingData = useRun((s) => s.config.dist === 'data' && s.dataSelection === null);
  const { stepOnce, reset } = store.getState();
  const { t } = useTranslation();
  const exportsHidden = useHidden('exports');

  return (
    <div className="run-controls" role="group" aria-label={t('run.controls')}>
      <StartPauseButton />
      <button
        type="button"
        data-testid="step-once"
        onClick={stepOnce}
        disabled={runState === 'running' || (missingData && runState !== 'paused')}
      >
        {t('run.step')}
      </button>
      <button type="button" data-testid="reset" onClick={reset} disabled={runState === 'idle'}>
        {t('run.reset')}
      </button>
      {exports && !exportsHidden && (
        <>
          <ExportCsvButton />
          <SavePngButton />
          <ShareLink />
        </>
      )}
    </div>
  );
}
