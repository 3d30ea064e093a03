import { useTranslation } from 'react-i18next';
import { unitsKey } from '../../protocol/paramText';
import { memo, useDeferredValue, useMemo } from 'react';
import { CartesianGrid, ComposedChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { heldOutSize, type InfoUnit } from '../../protocol/config';
import { useRun } from '../../store/context';
import { BASELINE_DASHES, ESTIMATOR_COLORS, REFERENCE_COLORS } from './colors';
import { plotExtrasOf } from './plotExtras';
import { PlotLegend } from './PlotLegend';
import { CurvePaths } from './CurvePaths';
import { HoverReadout } from './HoverReadout';
import { buildPlotModel, type PlotModel } from './plotModel';
import { plotStyle, type PlotStyle } from './plotStyle';

/** Live plot of each estimator's per-step and smoothed estimates, held-out values, true MI and ceilings. */
export function EstimatePlot() {
  // Deferred: the chart re-renders in React's interruptible background pass, so a batch of
  // results arriving never blocks the page for the whole Recharts render (no long task).
  const results = useDeferredValue(useRun((s) => s.results));
  const runConfig = useRun((s) => s.runConfig);
  const config = useRun((s) => s.config);
  const units = useRun((s) => s.config.units);
  const ghosts = useDeferredValue(useRun((s) => s.ghosts));
  const runInfo = useRun((s) => s.runInfo);
  const finite = runInfo?.finite
    ? {
        batch: runInfo.batchSize,
        trainRows: runInfo.finite.trainRows,
        heldOut: runInfo.finite.heldOutEvaluated,
      }
    : null;
  const dataSummary = useRun((s) => s.dataSummary);
  const dataSelection = useRun((s) => s.dataSelection);
  const baselines = useRun((s) => s.baselines);
  const extras = useMemo(
    () => plotExtrasOf({ dataSummary, dataSelection, baselines }),
    [dataSummary, dataSelection, baselines],
  );
  const style = plotStyle(useRun((s) => s.presentation));
  const { t } = useTranslation();
  // The shown run's settings (or the pending ones before a run), in the units chosen now.
  const shown = useMemo(() => ({ ...(runConfig ?? config), units }), [runConfig, config, units]);
  // `results` is a new object after every batch, so it is the memo key.
  const model = useMemo(
    () => buildPlotModel(results, shown, ghosts, extras),
    [results, shown, ghosts, extras],
  );

  return (
    <figure className="panel plot" aria-label={t('plot.label')}>
      <div className="plot-area" data-testid="plot" data-points={model.pointCount}>
        <PlotChart model={model} style={style} units={units} />
      </div>
      <PlotLegend model={model} units={units} />
      <figcaption className="secondary">
        {finite
          ? t('plot.captionFinite', {
              batch: finite.batch,
              rows: finite.trainRows,
              heldOut: finite.heldOut,
              count: shown.eval,
            })
          : t('plot.caption', {
              batch: shown.batch,
              heldOut: heldOutSize(shown),
              count: shown.eval,
            })}
      </figcaption>
    </figure>
  );
}

/**
 * The chart itself. Memoised on the (deferred) plot model, so an urgent render of the page skips
 * it, and React draws it in its interruptible background pass: a batch of results arriving never
 * holds the main thread for a whole Recharts render.
 */
const PlotChart = memo(function PlotChart({
  model,
  style,
  units,
}: {
  model: PlotModel;
  style: PlotStyle;
  units: InfoUnit;
}) {
  const compare = model.curves.length > 1;
  const { t } = useTranslation();
  const axes = useAxisProps(
    model.xTicks,
    model.yTicks,
    style,
    t('plot.xAxis'),
    t('plot.yAxis', { units: t(unitsKey(units)) }),
  );
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* The curves are drawn by CurvePaths; Recharts needs only the corners of the view for its axes. */}
      <ComposedChart margin={axes.margin} data={axes.corners}>
        <CartesianGrid stroke={style.gridColor} />
        <XAxis
          dataKey="step"
          type="number"
          domain={axes.xDomain}
          ticks={axes.xTicks}
          allowDecimals={false}
          tick={axes.tick}
          stroke={style.tickColor}
          label={axes.xLabel}
        />
        <YAxis
          type="number"
          dataKey="value"
          domain={axes.yDomain}
          ticks={axes.yTicks}
          allowDataOverflow
          tick={axes.tick}
          stroke={style.tickColor}
          label={axes.yLabel}
        />
        {model.ceilings.map((ceiling) => (
          <ReferenceLine
            key={ceiling.label}
            className="ceiling-line"
            y={ceiling.value}
            stroke={REFERENCE_COLORS.ceiling}
            strokeDasharray="2 4"
            strokeWidth={style.ceilingWidth}
            label={{
              value: t('plot.ceiling', { ceiling: ceiling.label }),
              position: 'insideTopLeft',
              fill: REFERENCE_COLORS.ceiling,
              fontSize: style.fontSize,
            }}
          />
        ))}
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
            ...model.curves.map((curve) => ({
              key: `smooth-${curve.id}`,
              className: `curve-smoothed curve-${curve.id}`,
              points: curve.smoothed,
              stroke: ESTIMATOR_COLORS[curve.id],
              width: style.smoothedWidth,
            })),
            ...model.curves.map((curve) => ({
              key: `held-${curve.id}`,
              className: `heldout heldout-${curve.id}`,
              points: curve.heldOut,
              stroke: ESTIMATOR_COLORS[curve.id],
              width: style.heldOutWidth,
              markers: 4 + style.heldOutWidth,
            })),
            ...model.baselines.map((baseline) => ({
              key: `baseline-${baseline.id}`,
              className: `baseline-line baseline-${baseline.id}`,
              points: [
                { step: 1, value: baseline.value },
                { step: Math.max(1, model.xTicks[model.xTicks.length - 1] ?? 1), value: baseline.value },
              ],
              stroke: REFERENCE_COLORS[baseline.id],
              width: style.truthWidth,
              dash: BASELINE_DASHES[baseline.id],
            })),
            // Drawn last so the true value stays visible over a dense noise band.
            {
              key: 'truth',
              className: 'truth-line',
              points: model.truth,
              stroke: REFERENCE_COLORS.truth,
              width: style.truthWidth,
              dash: style.truthDash,
              steps: true,
            },
          ]}
        />
        <HoverReadout model={model} units={units} fontSize={style.fontSize} />
      </ComposedChart>
    </ResponsiveContainer>
  );
});

/**
 * The axes' props, the same objects for as long as their values are the same: Recharts stores axis
 * settings in its own store and re-renders the whole chart (in one animation frame, not sliced)
 * whenever they change identity, so fresh-but-equal arrays on every batch of results would cost a
 * long task each time.
 */
function useAxisProps(
  xTicksNow: readonly number[],
  yTicksNow: readonly number[],
  style: PlotStyle,
  xLabel: string,
  yLabel: string,
) {
  const xKey = xTicksNow.join(',');
  const yKey = yTicksNow.join(',');
  return useMemo(() => {
    const xTicks = xKey.split(',').map(Number);
    const yTicks = yKey.split(',').map(Number);
    const [xMin, xMax] = [xTicks[0], xTicks[xTicks.length - 1]];
    const [yMin, yMax] = [yTicks[0], yTicks[yTicks.length - 1]];
    const tick = { fontSize: style.fontSize, fill: style.tickColor };
    return {
      xTicks,
      yTicks,
      xDomain: [xMin, xMax],
      yDomain: [yMin, yMax],
      corners: [
        { step: xMin, value: yMin },
        { step: xMax, value: yMax },
      ],
      margin: { ...style.margin },
      tick,
      xLabel: {
        value: xLabel,
        position: 'insideBottom' as const,
        offset: style.xLabelOffset,
        ...tick,
      },
      yLabel: { value: yLabel, angle: -90, position: 'insideLeft' as const, offset: 14, ...tick },
    };
  }, [xKey, yKey, style, xLabel, yLabel]);
}
