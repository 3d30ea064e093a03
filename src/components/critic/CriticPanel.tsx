import { useMemo } from 'react';
import { useRun } from '../../store/context';
import { formatBits } from '../format';
import { DIVERGING_GRADIENT_HIGH, DIVERGING_GRADIENT_LOW } from './colorScale';
import { criticGrids } from './criticGrids';
import { Heatmap } from './Heatmap';
import { ScatterCanvas } from './ScatterCanvas';

/**
 * What the critic learned and what it sees: for d = 1 its scores over (x, y) beside the optimal
 * critic on the same colour scale, and for any d a scatter of one batch's first coordinates.
 */
export function CriticPanel() {
  const snapshot = useRun((s) => s.snapshot);
  const runConfig = useRun((s) => s.runConfig);
  const grids = useMemo(
    () => (snapshot && runConfig ? criticGrids(snapshot, runConfig) : null),
    [snapshot, runConfig],
  );
  if (!snapshot || !runConfig) return null;
  const estimator = runConfig.estimator[0];
  return (
    <section className="panel critic-panel" aria-label="The critic and the data" data-testid="critic-panel">
      <h2>What the critic sees, step {snapshot.stepsDone}</h2>
      <div className="critic-views">
        {grids ? (
          <>
            <Heatmap
              values={grids.learned}
              size={grids.size}
              low={grids.low}
              high={grids.high}
              label={`learned critic T(x, y) (${estimator})`}
              testId="critic-heatmap"
              step={snapshot.stepsDone}
            />
            <Heatmap
              values={grids.optimal}
              size={grids.size}
              low={grids.low}
              high={grids.high}
              label="optimal: log p(x,y)/p(x)p(y) + const"
              testId="optimal-critic"
              step={snapshot.stepsDone}
            />
          </>
        ) : (
          <p className="critic-note">Heatmaps of T(x, y) are drawn for d = 1; here d = {runConfig.dim}.</p>
        )}
        <ScatterCanvas scatter={snapshot.scatter} step={snapshot.stepsDone} />
      </div>
      {grids && (
        <p className="color-key">
          <span>{formatBits(grids.low)}</span>
          <span className="gradient" style={{ background: DIVERGING_GRADIENT_LOW }} aria-hidden="true" />
          <span>0</span>
          <span className="gradient" style={{ background: DIVERGING_GRADIENT_HIGH }} aria-hidden="true" />
          <span>+{formatBits(grids.high)} (critic score, nats)</span>
        </p>
      )}
    </section>
  );
}
