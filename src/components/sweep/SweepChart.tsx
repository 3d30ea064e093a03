import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { sweepScale } from '../../protocol/sweeps';
import { useRun } from '../../store/context';
import type { Sweep } from '../../store/history';
import { formatInformation, formatSetting } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from '../plot/colors';
import { sweepRows } from './sweepModel';

/** The final estimate (mean of the last 10% of steps) against the swept value, with truth and ceiling. */
export function SweepChart({ sweep }: { sweep: Sweep }) {
  const units = useRun((s) => s.config.units);
  const { rows, logX } = sweepRows(sweep, units);
  const spec = sweepScale(sweep.key);
  const estimators = sweep.base.estimator;
  // The ceiling is drawn where it matters: when it is not far above everything else.
  const highest = Math.max(...rows.flatMap((row) => [row.truth, ...Object.values(row.finals)]));
  const showCeiling = rows.some((row) => row.ceiling < 1.3 * highest);
  const data = rows.map((row) => ({
    value: row.value,
    truth: row.truth,
    ...(showCeiling ? { ceiling: row.ceiling } : {}),
    ...row.finals,
  }));
  const finished = sweep.finals.length;

  return (
    <div className="sweep-result" data-testid="sweep" data-state={sweep.state}>
      <p className="sweep-status">
        {sweep.state === 'running'
          ? `Running ${finished + 1} of ${sweep.values.length}: ${spec.label} = ${formatSetting(sweep.values[finished])}`
          : sweep.state === 'done'
            ? `Done: ${sweep.values.length} runs.`
            : sweep.state === 'stopped'
              ? `Stopped after ${finished} of ${sweep.values.length}.`
              : 'Ready.'}
      </p>
      <div className="sweep-plot">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
            <CartesianGrid stroke={REFERENCE_COLORS.grid} />
            <XAxis
              dataKey="value"
              type="number"
              scale={logX ? 'log' : 'linear'}
              domain={['dataMin', 'dataMax']}
              ticks={[...sweep.values]}
              tickFormatter={(v: number) => formatSetting(v)}
              label={{ value: spec.label, position: 'insideBottom', offset: -14 }}
            />
            <YAxis label={{ value: units, angle: -90, position: 'insideLeft', offset: 14 }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(3)} ${units}` : String(v))} />
            <Line
              name="true MI"
              dataKey="truth"
              stroke={REFERENCE_COLORS.truth}
              strokeDasharray="8 5"
              dot={false}
              isAnimationActive={false}
            />
            {showCeiling && (
              <Line
                name="batch ceiling"
                dataKey="ceiling"
                stroke={REFERENCE_COLORS.ceiling}
                strokeDasharray="2 4"
                dot={false}
                isAnimationActive={false}
              />
            )}
            {estimators.map((id) => (
              <Line
                key={id}
                name={id}
                dataKey={id}
                stroke={ESTIMATOR_COLORS[id]}
                strokeWidth={2}
                dot={{ r: 4 }}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <table className="sweep-table">
        <caption className="visually-hidden">Final estimate per value</caption>
        <thead>
          <tr>
            <th scope="col">{spec.label}</th>
            {estimators.map((id) => (
              <th scope="col" key={id}>
                {id} ({units})
              </th>
            ))}
            <th scope="col">true MI</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, finished).map((row, index) => (
            <tr
              key={row.value}
              data-testid="sweep-point"
              data-key={sweep.key}
              data-x={row.value}
              data-value={sweep.finals[index][0]}
            >
              <th scope="row">{formatSetting(row.value)}</th>
              {estimators.map((id) => (
                <td key={id}>{formatInformation(row.finals[id] ?? null)}</td>
              ))}
              <td>{formatInformation(row.truth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
