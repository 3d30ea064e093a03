import { useId } from 'react';
import type { ChoiceSpec, ParamOption, RunConfig } from '../../protocol/config';
import { useRun } from '../../store/context';

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

  return (
    <div className="param param-choice">
      <label htmlFor={id}>{spec.label}</label>
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
                {option.label}
              </option>
            ))
          ) : (
            <optgroup key={group} label={group}>
              {options.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.id}
                </option>
              ))}
            </optgroup>
          ),
        )}
      </select>
      <p className="param-hint" id={`${id}-hint`}>
        {spec.hint}
      </p>
    </div>
  );
}
