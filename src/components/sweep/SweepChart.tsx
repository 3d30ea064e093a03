import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { estimatorKey, paramLabelKey, unitsKey } from '../../protocol/paramText';
import { useRun } from '../../store/context';
import type { Sweep } from '../../store/history';
import { formatInformation, formatSetting } from '../format';
import { ESTIMATOR_COLORS, REFERENCE_COLORS } from '../plot/colors';
import { sweepRows } from './sweepModel';

/** The final estimate (mean of the last 10% of steps) against the swept value, with truth and ceiling. */
export function SweepChart({ sweep }: { sweep: Sweep }) {
  const units = useRun((s) => s.config.units);
  const { rows, logX } = sweepRows(sweep, units);
  const { t } = useTranslation();
  const label = t(paramLabelKey(sweep.key));
  const unit = t(unitsKey(units));
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
          ? t('sweep.running', {
              index: finished + 1,
              total: sweep.values.length,
              label,
              value: formatSetting(sweep.values[finished]),
            })
          : sweep.state === 'done'
            ? t('sweep.done', { count: sweep.values.length })
            : sweep.state === 'stopped'
              ? t('sweep.stopped', { finished, total: sweep.values.length })
              : t('sweep.ready')}
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
              label={{ value: label, position: 'insideBottom', offset: -14 }}
            />
            <YAxis label={{ value: unit, angle: -90, position: 'insideLeft', offset: 14 }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(3)} ${unit}` : String(v))} />
            <Line
              name={t('sweep.trueMi')}
              dataKey="truth"
              stroke={REFERENCE_COLORS.truth}
              strokeDasharray="8 5"
              dot={false}
              isAnimationActive={false}
            />
            {showCeiling && (
              <Line
                name={t('sweep.ceiling')}
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
                name={t(estimatorKey(id))}
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
        <caption className="visually-hidden">{t('sweep.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            {estimators.map((id) => (
              <th scope="col" key={id}>
                {t('readouts.withUnits', { name: t(estimatorKey(id)), units: unit })}
              </th>
            ))}
            <th scope="col">{t('sweep.trueMi')}</th>
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
