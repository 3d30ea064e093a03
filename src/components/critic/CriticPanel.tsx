import { useTranslation } from 'react-i18next';
import { useDeferredValue, useMemo } from 'react';
import { sourceDims, type RunConfig } from '../../protocol/config';
import { estimatorKey } from '../../protocol/paramText';
import type { RunInfoMessage } from '../../protocol/messages';
import { useRun } from '../../store/context';
import { formatInformation } from '../format';
import { DIVERGING_GRADIENT_HIGH, DIVERGING_GRADIENT_LOW } from './colorScale';
import { blindToFunctionsOfX, criticGrids, type FirstCoordinateScaling } from './criticGrids';
import { Heatmap } from './Heatmap';
import { ScatterCanvas } from './ScatterCanvas';
import { CRITIC_GRID_SIZE } from '../../protocol/snapshot';

/** The standardisation of the first x and y columns of a finite sample, from the run's info. */
function firstCoordinateScaling(info: RunInfoMessage | null): FirstCoordinateScaling | null {
  const scaling = info?.finite?.scaling;
  if (!scaling || !info) return null;
  return {
    xMean: scaling.mean[0],
    xStd: scaling.std[0],
    yMean: scaling.mean[info.xDim],
    yStd: scaling.std[info.xDim],
  };
}

/** The dimensions the settings give, or null where only the data can (no columns chosen yet). */
function sourceDimsOrNull(config: RunConfig): { xDim: number; yDim: number } | null {
  const dims = sourceDims(config);
  return dims.xDim > 0 && dims.yDim > 0 ? dims : null;
}

/**
 * What the critic learned and what it sees: for one-dimensional X and Y its scores over (x, y)
 * beside the optimal critic (where the density is known) on the same colour scale, and for any
 * dimensions a scatter of one batch's first coordinates.
 */
export function CriticPanel() {
  const deferred = useDeferredValue(useRun((s) => s.snapshot)); // drawn in the background pass
  const runId = useRun((s) => s.runId);
  // A deferred snapshot may still be the last run's, made with other dimensions: never mix the two.
  const snapshot = deferred?.runId === runId ? deferred : null;
  const runConfig = useRun((s) => s.runConfig);
  const config = useRun((s) => s.config);
  const runInfo = useRun((s) => s.runInfo);
  const shown = runConfig ?? config;
  const scaling = useMemo(() => firstCoordinateScaling(runInfo), [runInfo]);
  const grids = useMemo(
    () => (snapshot && runConfig ? criticGrids(snapshot, runConfig, 0, scaling) : null),
    [snapshot, runConfig, scaling],
  );
  // The same elements whether or not a snapshot has arrived (empty canvases until then), so the
  // first one only redraws: it neither mounts new elements nor reflows the page mid-run.
  const dims = runInfo ?? sourceDimsOrNull(shown);
  const heatmaps = dims !== null && dims.xDim === 1 && dims.yDim === 1;
  const known = shown.dist !== 'data';
  const step = snapshot?.stepsDone ?? 0;
  const estimator = shown.estimator[0];
  const centred = blindToFunctionsOfX(estimator);
  const { t } = useTranslation();
  return (
    <section className="panel critic-panel" aria-label={t('critic.region')} data-testid="critic-panel">
      <h2>{snapshot ? t('critic.titleAtStep', { step }) : t('critic.title')}</h2>
      <div className="critic-views">
        {heatmaps ? (
          <>
            <Heatmap
              values={grids?.learned ?? null}
              size={grids?.size ?? CRITIC_GRID_SIZE}
              low={grids?.low ?? -1}
              high={grids?.high ?? 1}
              label={t(centred ? 'critic.learnedCentred' : 'critic.learned', {
                estimator: t(estimatorKey(estimator)),
              })}
              testId="critic-heatmap"
              step={step}
            />
            {known && (
              <Heatmap
                values={grids?.optimal ?? null}
                size={grids?.size ?? CRITIC_GRID_SIZE}
                low={grids?.low ?? -1}
                high={grids?.high ?? 1}
                label={centred ? t('critic.optimalCentred') : t('critic.optimal')}
                testId="optimal-critic"
                step={step}
              />
            )}
          </>
        ) : (
          <p className="critic-note">
            {dims
              ? t('critic.noHeatmap', { xDim: dims.xDim, yDim: dims.yDim })
              : t('critic.noHeatmapNoColumns')}
          </p>
        )}
        <ScatterCanvas scatter={snapshot?.scatter ?? null} step={step} />
      </div>
      <p className="color-key" hidden={!grids}>
        <span>{formatInformation(grids?.low ?? null)}</span>
        <span className="gradient" style={{ background: DIVERGING_GRADIENT_LOW }} aria-hidden="true" />
        <span>0</span>
        <span className="gradient" style={{ background: DIVERGING_GRADIENT_HIGH }} aria-hidden="true" />
        <span>{t('critic.scale', { high: formatInformation(grids?.high ?? null) })}</span>
      </p>
    </section>
  );
}
