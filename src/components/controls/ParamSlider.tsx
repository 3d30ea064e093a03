import { useId, type CSSProperties } from 'react';
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
  const [min, max] = ticks ? [0, ticks.length - 1] : [spec.min, spec.max];
  const position = sliderPosition(spec, value);
  // How far along the thumb is (0–1): the touch style fills the track up to it (styles/touch.css).
  const ratio = max > min ? Math.min(1, Math.max(0, (position - min) / (max - min))) : 0;
  const fill = { '--fill': String(ratio) } as CSSProperties;

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
        min={min}
        max={max}
        step={ticks ? 1 : spec.step}
        value={position}
        style={fill}
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
