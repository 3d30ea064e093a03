import { useMemo } from 'react';
import {
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { PARAMS, heldOutSize } from '../../protocol/config';
import { useRun } from '../../store/context';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import { PlotLegend } from './PlotLegend';
import { CurvePaths } from './CurvePaths';
import { buildPlotModel } from './plotModel';
import { plotStyle } from './plotStyle';

const estimatorLabels = new Map(
  PARAMS.flatMap((spec) => (spec.type === 'list' ? spec.options.map((o) => [o.id, o.label] as const) : [])),
);

/** Live plot of each estimator's per-step and smoothed estimates, held-out values, true MI and ceilings. */
export function EstimatePlot() {
  const results = useRun((s) => s.results);
  const runConfig = useRun((s) => s.runConfig);
  const config = useRun((s) => s.config);
  const units = useRun((s) => s.config.units);
  const ghosts = useRun((s) => s.ghosts);
  const style = plotStyle(useRun((s) => s.presentation));
  const tick = { fontSize: style.fontSize, fill: style.tickColor };
  // The shown run's settings (or the pending ones before a run), in the units chosen now.
  const shown = useMemo(() => ({ ...(runConfig ?? config), units }), [runConfig, config, units]);
  // `results` is a new object after every batch, so it is the memo key.
  const model = useMemo(() => buildPlotModel(results, shown, ghosts), [results, shown, ghosts]);
  const compare = model.curves.length > 1;
  const [yMin, yMax] = [model.yTicks[0], model.yTicks[model.yTicks.length - 1]];

  return (
    <figure className="panel plot" aria-label="Mutual information estimate during training">
      <div className="plot-area" data-testid="plot" data-points={model.pointCount}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart margin={{ ...style.margin }}>
            <CartesianGrid stroke={style.gridColor} />
            <XAxis
              dataKey="step"
              type="number"
              domain={[model.xTicks[0], model.xTicks[model.xTicks.length - 1]]}
              ticks={[...model.xTicks]}
              allowDecimals={false}
              tick={tick}
              stroke={style.tickColor}
              label={{
                value: 'training step',
                position: 'insideBottom',
                offset: style.xLabelOffset,
                ...tick,
              }}
            />
            <YAxis
              type="number"
              dataKey="value"
              domain={[yMin, yMax]}
              ticks={[...model.yTicks]}
              allowDataOverflow
              tick={tick}
              stroke={style.tickColor}
              label={{ value: `MI (${units})`, angle: -90, position: 'insideLeft', offset: 14, ...tick }}
            />
            <Tooltip
              formatter={(value) =>
                typeof value === 'number' ? `${value.toFixed(3)} ${units}` : String(value)
              }
              labelFormatter={(step) => `step ${String(step)}`}
            />
            <CurvePaths
              curves={[
                ...model.ghostCurves.map((ghost) => ({
                  key: `ghost-${ghost.ghostId}-${ghost.estimator}`,
                  className: 'curve-ghost',
                  points: ghost.points,
                  stroke: ESTIMATOR_COLORS[ghost.estimator],
                  opacity: 0.45,
                  width: 1.5,
                  dash: '5 4',
                })),
                ...model.curves.map((curve) => ({
                  key: `raw-${curve.id}`,
                  className: `curve-raw curve-${curve.id}`,
                  points: curve.raw,
                  stroke: ESTIMATOR_COLORS[curve.id],
                  opacity: compare ? style.rawOpacity.compare : style.rawOpacity.single,
                  width: style.rawWidth,
                })),
              ]}
            />
            {model.curves.map((curve) => (
              <Line
                key={`smooth-${curve.id}`}
                className={`curve-smoothed curve-${curve.id}`}
                name={`${estimatorLabels.get(curve.id) ?? curve.id}, smoothed`}
                data={[...curve.smoothed]}
                dataKey="value"
                stroke={ESTIMATOR_COLORS[curve.id]}
                strokeWidth={style.smoothedWidth}
                dot={false}
                isAnimationActive={false}
              />
            ))}
            {model.curves.map((curve) => (
              <Scatter
                key={`held-${curve.id}`}
                className={`heldout heldout-${curve.id}`}
                name={`${estimatorLabels.get(curve.id) ?? curve.id}, held out`}
                data={[...curve.heldOut]}
                dataKey="value"
                fill="#ffffff"
                stroke={ESTIMATOR_COLORS[curve.id]}
                strokeWidth={style.heldOutWidth}
                shape="diamond"
                isAnimationActive={false}
              />
            ))}
            {model.ceilings.map((ceiling) => (
              <ReferenceLine
                key={ceiling.label}
                className="ceiling-line"
                y={ceiling.value}
                stroke={REFERENCE_COLORS.ceiling}
                strokeDasharray="2 4"
                strokeWidth={style.ceilingWidth}
                label={{
                  value: `ceiling ${ceiling.label}`,
                  position: 'insideTopLeft',
                  fill: REFERENCE_COLORS.ceiling,
                  fontSize: style.fontSize,
                }}
              />
            ))}
            {/* Drawn last so the true value stays visible over a dense noise band. */}
            <Line
              className="truth-line"
              name="true MI"
              data={[...model.truth]}
              dataKey="value"
              type="stepAfter"
              stroke={REFERENCE_COLORS.truth}
              strokeDasharray={style.truthDash}
              strokeWidth={style.truthWidth}
              dot={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <PlotLegend model={model} labels={estimatorLabels} units={units} />
      <figcaption className="secondary">
        Each step draws {shown.batch.toLocaleString('en-US')} fresh pairs; thin lines are each estimator on
        that batch, thick lines their moving average, diamonds the value on a held-out batch of{' '}
        {heldOutSize(shown).toLocaleString('en-US')} pairs every {shown.eval} steps.
      </figcaption>
    </figure>
  );
}
