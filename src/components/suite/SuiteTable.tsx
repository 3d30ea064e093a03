import { useTranslation } from 'react-i18next';
import { unitsKey } from '../../protocol/paramText';
import { SUITE_ESTIMATOR_LABELS, summariseSuite, type SuiteSummaryCell } from '../../protocol/suite';
import { useRun } from '../../store/context';
import { useRenderMessage } from '../../i18n/useMessage';

/** bmi's heatmap colour: blue below the truth, red above, white on it; log(estimate / truth) clipped to ±1. */
function cellColour(cell: SuiteSummaryCell): string | undefined {
  if (cell.seeds === 0) return undefined;
  if (!Number.isFinite(cell.logRatio)) return 'rgb(5 48 97)'; // an estimate ≤ 0: as far below as it gets
  const t = Math.max(-1, Math.min(1, cell.logRatio));
  const [r, g, b] = t < 0 ? [33, 102, 172] : [178, 24, 43];
  const w = Math.abs(t);
  return `rgb(${Math.round(247 + w * (r - 247))} ${Math.round(247 + w * (g - 247))} ${Math.round(247 + w * (b - 247))})`;
}

/** Tasks as rows, estimators as columns: each cell the mean over seeds (± spread), ✓ where solved. */
export function SuiteTable() {
  const render = useRenderMessage();
  const definition = useRun((s) => s.suiteDefinition);
  const results = useRun((s) => s.suiteResults);
  const { rows, solved } = summariseSuite(definition, results);
  const { t } = useTranslation();
  if (rows.length === 0) return <p>{t('suite.chooseTask')}</p>;
  return (
    <div className="suite-table-wrap">
      <table className="suite-table" data-testid="suite-table">
        <thead>
          <tr>
            <th scope="col">{t('suite.taskColumn')}</th>
            <th scope="col">{t('readouts.trueMi', { units: t(unitsKey('bits')) })}</th>
            {definition.estimators.map((e) => (
              <th scope="col" key={e}>
                {render(SUITE_ESTIMATOR_LABELS[e])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.task}>
              <th scope="row">
                <code translate="no">{row.task}</code>
              </th>
              <td>{row.truthBits.toFixed(2)}</td>
              {row.cells.map((cell) => {
                const dark = Math.abs(cell.logRatio) > 0.6 || !Number.isFinite(cell.logRatio);
                return (
                  <td
                    key={cell.estimator}
                    data-testid="suite-cell"
                    data-task={cell.task}
                    data-estimator={cell.estimator}
                    data-bits={cell.seeds > 0 ? cell.meanBits : ''}
                    data-truth-bits={cell.truthBits}
                    data-solved={cell.seeds > 0 ? String(cell.solved) : ''}
                    style={{
                      background: cellColour(cell),
                      color: cell.seeds > 0 && dark ? '#fff' : undefined,
                    }}
                    title={
                      cell.seeds > 0
                        ? t('suite.cellTitle', { count: cell.seeds, ratio: cell.logRatio.toFixed(2) })
                        : t('suite.notRun')
                    }
                  >
                    {cell.seeds === 0 ? '·' : cell.meanBits.toFixed(2)}
                    {cell.seeds > 1 && <span className="spread"> ± {cell.sdBits.toFixed(2)}</span>}
                    {cell.solved && <span aria-label={t('suite.solved')}> ✓</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('suite.solved')}</th>
            <td />
            {solved.map((n, e) => (
              <td
                key={definition.estimators[e]}
                data-testid={`suite-solved-${definition.estimators[e]}`}
                data-value={n}
              >
                {n} / {rows.length}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="param-hint">{t('suite.colourKey')}</p>
    </div>
  );
}
