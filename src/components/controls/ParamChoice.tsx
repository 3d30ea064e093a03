import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { ChoiceSpec, ParamOption, RunConfig } from '../../protocol/config';
import { useRun } from '../../store/context';
import { groupKey, optionKey, paramHintKey, paramLabelKey } from '../../protocol/paramText';

/** Consecutive options under the same heading (options without one stand alone). */
function groupedOptions(options: readonly ParamOption[]): { group?: string; options: ParamOption[] }[] {
  const runs: { group?: string; options: ParamOption[] }[] = [];
  for (const option of options) {
    const last = runs[runs.length - 1];
    if (last && last.group !== undefined && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}

/** A labelled menu for a setting that takes one of a few ids (grouped under headings where they have them). */
export function ParamChoice({ spec }: { spec: ChoiceSpec }) {
  const id = useId();
  const value = useRun((s) => s.config[spec.key]);
  const setParam = useRun((s) => s.setParam);
  const { t } = useTranslation();

  return (
    <div className="param param-choice">
      <label htmlFor={id}>{t(paramLabelKey(spec.key))}</label>
      <select
        id={id}
        name={spec.key}
        data-testid={`value-${spec.key}`}
        data-value={value}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setParam(spec.key, event.target.value as RunConfig[typeof spec.key])}
      >
        {groupedOptions(spec.options).map(({ group, options }) =>
          group === undefined ? (
            options.map((option) => (
              <option key={option.id} value={option.id}>
                {t(optionKey(spec.key, option.id))}
              </option>
            ))
          ) : (
            <optgroup key={group} label={t(groupKey(group))}>
              {options.map((option) => (
                <option key={option.id} value={option.id} translate="no">
                  {option.id}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
      <p className="param-hint" id={`${id}-hint`}>
        {t(paramHintKey(spec.key))}
      </p>
    </div>
  );
}
