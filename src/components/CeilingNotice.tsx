import { useTranslation } from 'react-i18next';
import { ceilingBits, inUnits, trueMiBits, type RunConfig } from '../protocol/config';
import { useRun } from '../store/context';
import { formatInformation } from './format';
import { estimatorKey, unitsKey } from '../protocol/paramText';

/** The highest true MI over the run, in bits (the staircase's top stair). */
function peakTrueMiBits(config: RunConfig): number {
  return trueMiBits(config, config.steps - 1);
}

/**
 * Says so when the true MI is above what one batch can show. InfoNCE cannot exceed log k at all, so
 * it levels off there; a DV-type estimate from N pairs can pass log N, but cannot be vouched for
 * above it (McAllester and Stratos, 2020): there it rests on a few pairs and swings widely.
 */
export function CeilingNotice() {
  const config = useRun((s) => s.config);
  const { t } = useTranslation();
  const truth = peakTrueMiBits(config);
  const below = config.estimator
    .map((id) => ({ id, ceiling: ceilingBits(config, id) }))
    .filter(({ ceiling }) => truth > ceiling);
  if (below.length === 0) return null;
  const { units } = config;
  const values = (ceiling: number) => ({
    truth: formatInformation(inUnits(truth, units)),
    ceiling: formatInformation(inUnits(ceiling, units)),
    units: t(unitsKey(units)),
  });
  const infoNce = below.find((b) => b.id === 'infonce');
  const others = below.filter((b) => b.id !== 'infonce');
  return (
    <p className="notice ceiling-notice" data-testid="ceiling-notice" role="status">
      {others.length > 0 &&
        t('ceiling.dv', {
          ...values(Math.min(...others.map((b) => b.ceiling))),
          estimators: others.map((b) => t(estimatorKey(b.id))).join(t('list.separator')),
        })}
      {others.length > 0 && infoNce && ' '}
      {infoNce && t('ceiling.infoNce', values(infoNce.ceiling))}
    </p>
  );
}
