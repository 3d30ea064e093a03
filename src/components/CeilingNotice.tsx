import { ceilingBits, inUnits, trueMiBits, type RunConfig } from '../protocol/config';
import { useRun } from '../store/context';
import { formatInformation } from './format';

/** The highest true MI over the run, in bits (the staircase's top stair). */
function peakTrueMiBits(config: RunConfig): number {
  return trueMiBits(config, config.steps - 1);
}

/**
 * Says so when the true MI is above what one batch can show: a DV-type estimate from N pairs
 * cannot credibly exceed log N (InfoNCE cannot exceed log k at all), so the curves will saturate.
 */
export function CeilingNotice() {
  const config = useRun((s) => s.config);
  const truth = peakTrueMiBits(config);
  const below = config.estimator
    .map((id) => ({ id, ceiling: ceilingBits(config, id) }))
    .filter(({ ceiling }) => truth > ceiling);
  if (below.length === 0) return null;
  const lowest = Math.min(...below.map((b) => b.ceiling));
  const { units } = config;
  return (
    <p className="notice ceiling-notice" data-testid="ceiling-notice" role="status">
      The true MI ({formatInformation(inUnits(truth, units))} {units}) is above the batch ceiling of{' '}
      {below.map((b) => b.id).join(', ')} ({formatInformation(inUnits(lowest, units))} {units}
      {below.some((b) => b.id === 'infonce') ? ', log k for InfoNCE' : ', log N'}): an estimate from one batch
      cannot credibly exceed it, so expect the estimates to saturate near the ceiling however long they train.
    </p>
  );
}
