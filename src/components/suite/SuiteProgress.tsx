import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/context';
import { suiteProgress } from '../../store/suiteSlice';
import { useRenderMessage } from '../../i18n/useMessage';

/** Minutes and seconds, e.g. "3 min 20 s". */
function duration(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60
    ? t('suite.minutes', { minutes: Math.floor(s / 60), seconds: s % 60 })
    : t('suite.seconds', { seconds: s });
}

/** How far the suite is: cells done of all, what each lane trains now, and the time left. */
export function SuiteProgress() {
  const definition = useRun((s) => s.suiteDefinition);
  const results = useRun((s) => s.suiteResults);
  const state = useRun((s) => s.suiteState);
  const current = useRun((s) => s.suiteCurrent);
  const left = useRun((s) => s.suiteSecondsLeft);
  const error = useRun((s) => s.suiteError);
  const render = useRenderMessage();
  const { done, total } = suiteProgress(definition, results);
  const { t } = useTranslation();
  const now = current.map((c) => t('suite.lane', { task: c.task, seed: c.seed, step: c.step })).join('; ');
  return (
    <div
      className="suite-progress"
      data-testid="suite-progress"
      data-state={state}
      data-done={done}
      data-total={total}
    >
      <progress max={total || 1} value={done} aria-label={t('suite.cellsFinished')} />
      <p role="status">
        {t('suite.progress', { done, count: total })}
        {state === 'running' && now ? ` · ${t('suite.now', { now })}` : ''}
        {state === 'running' && left !== null ? ` · ${t('suite.left', { time: duration(left, t) })}` : ''}
        {state === 'cancelled' ? ` · ${t('suite.cancelled')}` : ''}
        {state === 'loading' ? ` · ${t('suite.loading')}` : ''}
      </p>
      {error && (
        <p className="data-status error" role="alert">
          {t('suite.stoppedPrefix')} {render(error)}
        </p>
      )}
    </div>
  );
}
