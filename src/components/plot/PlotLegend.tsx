import { optionLabel, type InfoUnit } from '../../protocol/config';
import { useRun } from '../../store/context';
import { truthText } from '../export/plotCaption';
import { formatInformation } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import type { PlotModel } from './plotModel';

/** Legend in HTML: one entry per estimator, the true MI and any ceiling in view. */
export function PlotLegend({ model, units }: { model: PlotModel; units: InfoUnit }) {
  return (
    <ul className="plot-legend" aria-label="Legend">
      {model.curves.map((curve) => (
        <li key={curve.id} data-testid={`legend-${curve.id}`}>
          <span className="swatch thick" style={{ background: ESTIMATOR_COLORS[curve.id] }} />{' '}
          {optionLabel(curve.id)}
        </li>
      ))}
      {model.curves.length === 1 && (
        <li>
          <span
            className="swatch"
            style={{ background: ESTIMATOR_COLORS[model.curves[0].id], opacity: 0.35 }}
          />{' '}
          per step · thick: smoothed · ◇ held out
        </li>
      )}
      {model.truth.length > 0 ? (
        <li>
          <span className="swatch dashed" style={{ borderColor: REFERENCE_COLORS.truth }} /> true MI (
          {truthText(model, units)})
        </li>
      ) : (
        <li>true MI unknown: the diamonds (held-out rows) are the honest estimate</li>
      )}
      {model.baselines.map((baseline) => (
        <li key={baseline.id} data-testid={`legend-baseline-${baseline.id}`}>
          <span className="swatch dotted" style={{ borderColor: REFERENCE_COLORS[baseline.id] }} />{' '}
          {baseline.label} = {formatInformation(baseline.value)} {units}
        </li>
      ))}
      {model.ghosts.map((ghost) => (
        <li
          key={`ghost-${ghost.id}`}
          className="ghost-entry"
          data-testid="ghost-run"
          data-ghost-id={ghost.id}
        >
          <span className="swatch ghost" /> {ghost.label}
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
          <span className="swatch dotted" style={{ borderColor: REFERENCE_COLORS.ceiling }} /> batch ceiling{' '}
          {ceiling.label} = {formatInformation(ceiling.value)} {units}
        </li>
      ))}
    </ul>
  );
}

/** Pins an earlier run so that it stays however many runs follow. */
function GhostPin({ id, pinned }: { id: number; pinned: boolean }) {
  const pinGhost = useRun((s) => s.pinGhost);
  return (
    <button
      type="button"
      className="link-button"
      aria-pressed={pinned}
      data-testid="ghost-pin"
      onClick={() => pinGhost(id)}
      title={pinned ? 'Unpin: let newer runs replace it' : 'Pin: keep it however many runs follow'}
    >
      {pinned ? 'pinned' : 'pin'}
    </button>
  );
}

/** Removes every earlier run from the plot. */
function ClearGhosts() {
  const clearGhosts = useRun((s) => s.clearGhosts);
  return (
    <button type="button" className="link-button" data-testid="clear-ghosts" onClick={clearGhosts}>
      Clear earlier runs
    </button>
  );
}
