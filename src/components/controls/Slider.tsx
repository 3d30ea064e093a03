import { useId, type CSSProperties } from 'react';
import { formatSetting } from '../format';
import { sliderPosition, valueAtPosition, type SliderScale } from './sliderScale';

/**
 * One labelled, keyboard-operable slider showing its current value; `testId` names the value's
 * readout (which carries `dataValue` in data-value).
 */
export function Slider(props: {
  label: string;
  hint: string;
  scale: SliderScale;
  value: number;
  testId: string;
  dataValue?: string;
  name: string;
  note?: string;
  onChange(value: number): void;
}) {
  const id = useId();
  const { scale, value } = props;
  const { ticks } = scale;
  const display = formatSetting(value);
  const [min, max] = ticks ? [0, ticks.length - 1] : [scale.min, scale.max];
  const position = sliderPosition(scale, value);
  // How far along the thumb is (0–1): the touch style fills the track up to it (styles/touch.css).
  const ratio = max > min ? Math.min(1, Math.max(0, (position - min) / (max - min))) : 0;
  const fill = { '--fill': String(ratio) } as CSSProperties;
  return (
    <div className="param">
      <div className="param-head">
        <label htmlFor={id}>{props.label}</label>
        <output htmlFor={id} data-testid={props.testId} data-value={props.dataValue ?? value}>
          {display}
        </output>
      </div>
      <input
        id={id}
        name={props.name}
        type="range"
        min={min}
        max={max}
        step={ticks ? 1 : scale.step}
        value={position}
        style={fill}
        aria-valuetext={display}
        aria-describedby={`${id}-hint`}
        onChange={(event) => props.onChange(valueAtPosition(scale, Number(event.target.value), value))}
      />
      <p className="param-hint" id={`${id}-hint`}>
        {props.hint}
        {props.note && <span className="param-note"> {props.note}</span>}
      </p>
    </div>
  );
}
