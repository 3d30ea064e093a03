import { useRun } from '../../store/context';
import { suiteProgress } from '../../store/suiteSlice';
import { useRenderMessage } from '../../i18n/useMessage';

/** Minutes and seconds, e.g. "3 min 20 s". */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
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
  const now = current.map((c) => `${c.task} (seed ${c.seed}), step ${c.step}`).join('; ');
  return (
    <div
      className="suite-progress"
      data-testid="suite-progress"
      data-state={state}
      data-done={done}
      data-total={total}
    >
      <progress max={total || 1} value={done} aria-label="Cells finished" />
      <p role="status">
        {done} of {total} cells finished
        {state === 'running' && now ? ` · now ${now}` : ''}
        {state === 'running' && left !== null ? ` · about ${duration(left)} left` : ''}
        {state === 'cancelled' ? ' · cancelled (finished cells are kept)' : ''}
        {state === 'loading' ? ' · reading kept cells…' : ''}
      </p>
      {error && (
        <p className="data-status error" role="alert">
          The suite stopped: {render(error)}
        </p>
      )}
    </div>
  );
}
