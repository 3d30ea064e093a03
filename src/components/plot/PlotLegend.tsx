import type { BoundId } from '../../protocol/config';
import type { InfoUnit } from '../../protocol/config';
import { truthText } from '../export/plotCaption';
import { formatBits } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import type { PlotModel } from './plotModel';

/** Legend in HTML: one entry per estimator, the true MI and any ceiling in view. */
export function PlotLegend({
  model,
  labels,
  units,
}: {
  model: PlotModel;
  labels: ReadonlyMap<BoundId, string>;
  units: InfoUnit;
}) {
  return (
    <ul className="plot-legend" aria-label="Legend">
      {model.curves.map((curve) => (
        <li key={curve.id} data-testid={`legend-${curve.id}`}>
          <span className="swatch thick" style={{ background: ESTIMATOR_COLORS[curve.id] }} />{' '}
          {labels.get(curve.id) ?? curve.id}
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
      <li>
        <span className="swatch dashed" style={{ borderColor: REFERENCE_COLORS.truth }} /> true MI (
        {truthText(model, units)})
      </li>
      {model.ceilings.map((ceiling) => (
        <li key={ceiling.label}>
          <span className="swatch dotted" style={{ borderColor: REFERENCE_COLORS.ceiling }} /> batch ceiling{' '}
          {ceiling.label} = {formatBits(ceiling.value)} {units}
        </li>
      ))}
    </ul>
  );
}
