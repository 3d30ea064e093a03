import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import { stepWork } from '../protocol/backendSpeed';
import { busySilenceMs, SLOW_STEP_MS, workerHasStep } from '../store/runCommands';
import { useRun } from '../store/context';

/**
 * Says so while a single training step takes long (a huge N × h × d): the page stays responsive,
 * Pause takes effect when the step ends, and Reset replaces the busy worker at once.
 */
export function SlowStepNotice() {
  const runState = useRun((s) => s.runState);
  const lastMessageMs = useRun((s) => s.lastWorkerMessageMs);
  const awaitingSingleStep = useRun((s) => s.awaitingSingleStep);
  const config = useRun((s) => s.runConfig);
  const firstStep = useRun((s) => s.stats === null);
  const [now, setNow] = useState(() => performance.now());
  const { t } = useTranslation();

  const computing = workerHasStep({ runState, awaitingSingleStep });
  useEffect(() => {
    if (!computing) return;
    const timer = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(timer);
  }, [computing]);

  const silentMs = busySilenceMs({ runState, awaitingSingleStep, lastWorkerMessageMs: lastMessageMs }, now);
  if (!config || lastMessageMs === 0 || silentMs < SLOW_STEP_MS) return null;
  const work = stepWork(config);
  const seconds = Math.round(silentMs / 1000);
  return (
    <p className="notice slow-step" data-testid="slow-step" role="status">
      {t(firstStep ? 'slowStep.first' : 'slowStep.running', { seconds, work })} {t('slowStep.advice')}
    </p>
  );
}
