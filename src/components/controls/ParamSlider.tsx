import { useId } from 'react';
import type { NumberSpec } from '../../protocol/config';
import { useRun } from '../../store/context';
import { formatSetting } from '../format';
import { sliderPosition, valueAtPosition } from './sliderScale';

/** One labelled, keyboard-operable slider for a numeric setting, showing its current value. */
export function ParamSlider({ spec, note }: { spec: NumberSpec; note?: string }) {
  const id = useId();
  const value = useRun((s) => s.config[spec.key]);
  const setParam = useRun((s) => s.setParam);
  const ticks = spec.ticks;
  const display = formatSetting(value);

  return (
    <div className="param">
      <div className="param-head">
        <label htmlFor={id}>{spec.label}</label>
        <output htmlFor={id} data-testid={`value-${spec.key}`} data-value={value}>
          {display}
        </output>
      </div>
      <input
        id={id}
        name={spec.key}
        type="range"
        min={ticks ? 0 : spec.min}
        max={ticks ? ticks.length - 1 : spec.max}
        step={ticks ? 1 : spec.step}
        value={sliderPosition(spec, value)}
        aria-valuetext={display}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setParam(spec.key, valueAtPosition(spec, Number(event.target.value), value))}
      />
      <p className="param-hint" id={`${id}-hint`}>
        {spec.hint}
        {note && <span className="param-note"> {note}</span>}
      </p>
    </div>
  );
}
