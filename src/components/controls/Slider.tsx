import { useId } from 'react';
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
        min={ticks ? 0 : scale.min}
        max={ticks ? ticks.length - 1 : scale.max}
        step={ticks ? 1 : scale.step}
        value={sliderPosition(scale, value)}
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
