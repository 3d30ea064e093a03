import { useTranslation } from 'react-i18next';
import type { InfoUnit } from '../../protocol/config';
import { estimatorKey, unitsKey } from '../../protocol/paramText';
import { useRun } from '../../store/context';
import { truthText } from '../export/plotCaption';
import { formatInformation } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import type { PlotModel } from './plotModel';

/** Legend in HTML: one entry per estimator, the true MI and any ceiling in view. */
export function PlotLegend({ model, units }: { model: PlotModel; units: InfoUnit }) {
  const { t } = useTranslation();
  const unit = t(unitsKey(units));
  return (
    <ul className="plot-legend" aria-label={t('legend.label')}>
      {model.curves.map((curve) => (
        <li key={curve.id} data-testid={`legend-${curve.id}`}>
          <span className="swatch thick" style={{ background: ESTIMATOR_COLORS[curve.id] }} />{' '}
          {t(estimatorKey(curve.id))}
        </li>
      ))}
      {model.curves.length === 1 && (
        <li>
          <span
            className="swatch"
            style={{ background: ESTIMATOR_COLORS[model.curves[0].id], opacity: 0.35 }}
          />{' '}
          {t('legend.perStep')}
        </li>
      )}
      {model.truth.length > 0 ? (
        <li>
          <span className="swatch dashed" style={{ borderColor: REFERENCE_COLORS.truth }} />{' '}
          {t('legend.trueMi', { value: truthText(model, units, t) })}
        </li>
      ) : (
        <li>{t('legend.trueMiUnknown')}</li>
      )}
      {model.baselines.map((baseline) => (
        <li key={baseline.id} data-testid={`legend-baseline-${baseline.id}`}>
          <span className="swatch dotted" style={{ borderColor: REFERENCE_COLORS[baseline.id] }} />{' '}
          {t(`legend.baselines.${baseline.id}`, { label: baseline.label })} ={' '}
          {formatInformation(baseline.value)} {unit}
        </li>
      ))}
      {model.ghosts.map((ghost) => (
        <li
          key={`ghost-${ghost.id}`}
          className="ghost-entry"
          data-testid="ghost-run"
          data-ghost-id={ghost.id}
        >
          <span className="swatch ghost" />{' '}
          {ghost.label ? <span translate="no">{ghost.label}</span> : t('legend.sameSettings')}
          <GhostPin id={ghost.id} pinned={ghost.pinned} />
        </li>
      ))}
      {model.ghosts.length > 0 && (
        <li>
          <ClearGhosts />
        </li>
      )}
      {model.ceilings.map((ceiling) => (
        <li key={ceiling.label}>
          <span className="swatch dotted" style={{ borderColor: REFERENCE_COLORS.ceiling }} />{' '}
          {t('legend.ceiling', {
            ceiling: ceiling.label,
            value: formatInformation(ceiling.value),
            units: unit,
          })}
        </li>
      ))}
    </ul>
  );
}

/** Pins an earlier run so that it stays however many runs follow. */
function GhostPin({ id, pinned }: { id: number; pinned: boolean }) {
  const pinGhost = useRun((s) => s.pinGhost);
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="link-button"
      aria-pressed={pinned}
      data-testid="ghost-pin"
      onClick={() => pinGhost(id)}
      title={pinned ? t('legend.unpinTitle') : t('legend.pinTitle')}
    >
      {pinned ? t('legend.pinned') : t('legend.pin')}
    </button>
  );
}

/** Removes every earlier run from the plot. */
function ClearGhosts() {
  const clearGhosts = useRun((s) => s.clearGhosts);
  const { t } = useTranslation();
  return (
    <button type="button" className="link-button" data-testid="clear-ghosts" onClick={clearGhosts}>
      {t('legend.clearGhosts')}
    </button>
  );
}
