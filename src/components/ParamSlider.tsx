import { useId } from 'react';
import type { ParamSpec } from '../protocol/config';
import { useRun } from '../store/context';
import { formatSetting } from './format';

/** Index of the tick closest to `value` (in log space for positive ticks). */
export function nearestTickIndex(ticks: readonly number[], value: number): number {
  const distance = (tick: number) =>
    tick > 0 && value > 0 ? Math.abs(Math.log(tick / value)) : Math.abs(tick - value);
  let best = 0;
  for (let i = 1; i < ticks.length; i++) if (distance(ticks[i]) < distance(ticks[best])) best = i;
  return best;
}

/** One labelled, keyboard-operable slider for a run setting, showing its current value. */
export function ParamSlider({ spec }: { spec: ParamSpec }) {
  const id = useId();
  const value = useRun((s) => s.config[spec.key]);
  const setParam = useRun((s) => s.setParam);
  const ticks = spec.ticks;
  const display = formatSetting(value);

  const onChange = (position: number) => {
    if (ticks) setParam(spec.key, ticks[position]);
    else setParam(spec.key, spec.kind === 'int' ? Math.round(position) : Number(position.toFixed(6)));
  };

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
        value={ticks ? nearestTickIndex(ticks, value) : value}
        aria-valuetext={display}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <p className="param-hint" id={`${id}-hint`}>
        {spec.hint}
      </p>
    </div>
  );
}
