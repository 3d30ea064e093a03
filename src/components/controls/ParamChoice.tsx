import { useId } from 'react';
import type { ChoiceSpec, RunConfig } from '../../protocol/config';
import { useRun } from '../../store/context';

/** A labelled menu for a setting that takes one of a few ids. */
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
        {spec.options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      <p className="param-hint" id={`${id}-hint`}>
        {spec.hint}
      </p>
    </div>
  );
}
