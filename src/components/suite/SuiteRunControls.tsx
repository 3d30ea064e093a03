import { Trans, useTranslation } from 'react-i18next';
import { suiteCellCount } from '../../protocol/suiteRun';
import { useRun, useRunStoreApi } from '../../store/context';

/** Run the suite (its unfinished cells) or Cancel it; and the protocol every cell follows, in words. */
export function SuiteRunControls() {
  const definition = useRun((s) => s.suiteDefinition);
  const state = useRun((s) => s.suiteState);
  const finished = useRun((s) => s.suiteResults.length);
  const left = suiteCellCount(definition) - finished;
  const { runSuite, cancelSuite } = useRunStoreApi().getState();
  const running = state === 'running';
  const { t } = useTranslation();
  return (
    <>
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          data-testid="suite-run"
          disabled={running || left <= 0}
          onClick={() => void runSuite()}
        >
          {left <= 0 && finished > 0
            ? t('suite.allFinished')
            : finished > 0
              ? t('suite.runLeft', { count: left })
              : t('suite.run')}
        </button>
        <button type="button" data-testid="suite-cancel" disabled={!running} onClick={cancelSuite}>
          {t('data.cancel')}
        </button>
      </div>
      <p className="param-hint">
        <Trans i18nKey="suite.protocol" components={{ strong: <strong /> }} />
      </p>
    </>
  );
}
