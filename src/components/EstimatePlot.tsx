import { useMemo } from 'react';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { trueMiBits } from '../protocol/config';
import { useRun } from '../store/context';
import { niceTicks } from './axisTicks';
import { downsampleSeries } from './downsample';

/** Most points drawn at once; the store keeps every step. */
const MAX_PLOT_POINTS = 800;

const COLORS = { raw: '#b3c5e0', smoothed: '#1f4e99', truth: '#c0392b' } as const;

/** Legend drawn in HTML so that it also names the true-MI reference line. */
function PlotLegend({ trueBits }: { trueBits: number }) {
  return (
    <ul className="plot-legend" aria-label="Legend">
      <li>
        <span className="swatch" style={{ background: COLORS.raw }} /> per-step estimate
      </li>
      <li>
        <span className="swatch thick" style={{ background: COLORS.smoothed }} /> smoothed estimate
      </li>
      <li>
        <span className="swatch dashed" style={{ borderColor: COLORS.truth }} /> true MI (
        {trueBits.toFixed(2)} bits)
      </li>
    </ul>
  );
}

/** Live plot of the per-step and smoothed DV estimates against the true MI, in bits. */
export function EstimatePlot() {
  const series = useRun((s) => s.series);
  const runConfig = useRun((s) => s.runConfig);
  const config = useRun((s) => s.config);
  const shownConfig = runConfig ?? config;
  const trueBits = trueMiBits(shownConfig);
  // The series object is replaced on every batch, so it is the memo key.
  const points = useMemo(() => downsampleSeries(series, MAX_PLOT_POINTS), [series]);
  const xTicks = niceTicks(0, Math.max(1, shownConfig.steps), 8);
  const yTicks = useMemo(() => {
    let low = 0;
    let high = Math.max(trueBits * 1.1, 1);
    for (const p of points) {
      if (!Number.isFinite(p.estimateBits)) continue; // a diverged step is reported, not drawn
      low = Math.min(low, p.estimateBits);
      high = Math.max(high, p.estimateBits);
    }
    return niceTicks(low, high, 6);
  }, [points, trueBits]);

  return (
    <figure className="panel plot" aria-label="Mutual information estimate during training">
      <div className="plot-area" data-testid="plot" data-points={points.length}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 12, right: 24, bottom: 28, left: 8 }}>
            <CartesianGrid stroke="#e3e7ee" />
            <XAxis
              dataKey="step"
              type="number"
              domain={[xTicks[0], xTicks[xTicks.length - 1]]}
              ticks={xTicks}
              allowDecimals={false}
              label={{ value: 'training step', position: 'insideBottom', offset: -16 }}
            />
            <YAxis
              type="number"
              domain={[yTicks[0], yTicks[yTicks.length - 1]]}
              ticks={yTicks}
              label={{ value: 'MI (bits)', angle: -90, position: 'insideLeft', offset: 14 }}
            />
            <Tooltip
              formatter={(value) => (typeof value === 'number' ? `${value.toFixed(3)} bits` : String(value))}
              labelFormatter={(step) => `step ${String(step)}`}
            />
            <Line
              name="per-step estimate"
              dataKey="estimateBits"
              stroke={COLORS.raw}
              strokeWidth={1}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              name="smoothed estimate"
              dataKey="smoothedBits"
              stroke={COLORS.smoothed}
              strokeWidth={2.5}
              dot={false}
              isAnimationActive={false}
            />
            {/* Drawn last so the true value stays visible over a dense noise band. */}
            <ReferenceLine
              y={trueBits}
              stroke={COLORS.truth}
              strokeDasharray="8 5"
              strokeWidth={2}
              ifOverflow="extendDomain"
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <PlotLegend trueBits={trueBits} />
      <figcaption>
        Each step draws {shownConfig.batch.toLocaleString('en-US')} fresh pairs; the thin line is the
        Donsker–Varadhan bound on that batch, the thick line its moving average.
      </figcaption>
    </figure>
  );
}
