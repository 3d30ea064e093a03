import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { BoundId } from '../../protocol/config';
import type { ListSpec } from '../../protocol/config';
import { useRun } from '../../store/context';
import { estimatorKey, paramHintKey, paramLabelKey } from '../../protocol/paramText';
import { ESTIMATOR_COLORS } from '../plot/colors';

/** Checkboxes choosing the estimators to train side by side; at least one stays ticked. */
export function EstimatorPicker({ spec }: { spec: ListSpec }) {
  const id = useId();
  const selected = useRun((s) => s.config.estimator);
  const setParam = useRun((s) => s.setParam);
  const { t } = useTranslation();

  const toggle = (estimator: BoundId, on: boolean) => {
    const next = spec.options.map((o) => o.id).filter((o) => (o === estimator ? on : selected.includes(o)));
    if (next.length > 0) setParam('estimator', next);
  };

  return (
    <fieldset className="param estimator-picker" aria-describedby={`${id}-hint`}>
      <legend className="visually-hidden">{t(paramLabelKey(spec.key))}</legend>
      <div className="checkbox-list">
        {spec.options.map((option) => {
          const checked = selected.includes(option.id);
          return (
            <label key={option.id} className="checkbox">
              <input
                type="checkbox"
                name="estimator"
                value={option.id}
                checked={checked}
                // The last ticked estimator cannot be unticked: a run needs one.
                disabled={checked && selected.length === 1}
                onChange={(event) => toggle(option.id, event.target.checked)}
              />
              <span
                className="swatch"
                style={{ background: ESTIMATOR_COLORS[option.id] }}
                aria-hidden="true"
              />
              {t(estimatorKey(option.id))}
            </label>
          );
        })}
      </div>
      <p className="param-hint" id={`${id}-hint`}>
        {t(paramHintKey(spec.key))}
      </p>
    </fieldset>
  );
}
