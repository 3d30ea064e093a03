import { useTranslation } from 'react-i18next';
import { useRenderMessage } from '../../i18n/useMessage';
import { paramLabelKey } from '../../protocol/paramText';
import { useRun, useRunStoreApi } from '../../store/context';
import type { ColumnSummary } from '../../store/dataTypes';

/** One side's checkboxes: a numeric column can be ticked (not on both sides), a text column says why not. */
function ColumnGroup({
  side,
  columns,
  chosen,
  other,
  onChange,
}: {
  side: 'x' | 'y';
  columns: readonly ColumnSummary[];
  chosen: readonly string[];
  other: readonly string[];
  onChange(next: string[]): void;
}) {
  const { t } = useTranslation();
  const render = useRenderMessage();
  return (
    <fieldset className="column-group" data-testid={`column-${side}`}>
      <legend>{t(paramLabelKey(side))}</legend>
      {columns.map((column) => {
        const onOtherSide = other.includes(column.name);
        const disabled = !column.numeric;
        return (
          <label
            key={column.name}
            className={disabled ? 'column disabled' : 'column'}
            title={column.reason ? render(column.reason) : undefined}
          >
            <input
              type="checkbox"
              data-value={column.name}
              checked={chosen.includes(column.name)}
              disabled={disabled}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...chosen, column.name] : chosen.filter((n) => n !== column.name),
                )
              }
            />{' '}
            <span translate="no">{column.name}</span>
            {column.missing > 0 && (
              <span className="column-note"> {t('data.missing', { count: column.missing })}</span>
            )}
            {disabled && column.reason && (
              <span className="column-note">
                {' '}
                {t('data.notNumeric')} {render(column.reason)}
              </span>
            )}
            {onOtherSide && column.numeric && (
              <span className="column-note"> {t('data.alsoOther', { side: side === 'x' ? 'Y' : 'X' })}</span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}

/** Which columns are X and which are Y: two groups of checkboxes over the loaded table's columns. */
export function ColumnPicker() {
  const summary = useRun((s) => s.dataSummary);
  const x = useRun((s) => s.config.x);
  const y = useRun((s) => s.config.y);
  const chooseColumns = useRunStoreApi().getState().chooseColumns;
  if (!summary) return null;
  return (
    <div className="column-picker">
      <ColumnGroup
        side="x"
        columns={summary.columns}
        chosen={x}
        other={y}
        onChange={(next) => chooseColumns(next, y)}
      />
      <ColumnGroup
        side="y"
        columns={summary.columns}
        chosen={y}
        other={x}
        onChange={(next) => chooseColumns(x, next)}
      />
    </div>
  );
}
