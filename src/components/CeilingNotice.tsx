import { useTranslation } from 'react-i18next';
import { ceilingBits, inUnits, trueMiBits, type RunConfig } from '../protocol/config';
import { useRun } from '../store/context';
import { formatInformation } from './format';
import { estimatorKey } from '../protocol/paramText';

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
  const { t } = useTranslation();
  const truth = peakTrueMiBits(config);
  const below = config.estimator
    .map((id) => ({ id, ceiling: ceilingBits(config, id) }))
    .filter(({ ceiling }) => truth > ceiling);
  if (below.length === 0) return null;
  const lowest = Math.min(...below.map((b) => b.ceiling));
  const { units } = config;
  return (
    <p className="notice ceiling-notice" data-testid="ceiling-notice" role="status">
      {t(below.some((b) => b.id === 'infonce') ? 'ceiling.textInfoNce' : 'ceiling.text', {
        truth: formatInformation(inUnits(truth, units)),
        ceiling: formatInformation(inUnits(lowest, units)),
        units: t(`options.units.${units}`),
        estimators: below.map((b) => t(estimatorKey(b.id))).join(t('list.separator')),
      })}
    </p>
  );
}
