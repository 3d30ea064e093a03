import { PARAMS, type ParamGroup } from '../protocol/config';
import { ParamSlider } from './ParamSlider';

const GROUP_TITLES: Readonly<Record<ParamGroup, string>> = {
  data: 'Data: X ~ N(0, P·I), Y = X + N(0, σ²·I)',
  critic: 'Critic T(x, y): [x, y] → h → ReLU → 1',
  training: 'Training (Adam)',
};

/** All run settings as sliders, grouped by the part of the model they change. */
export function SettingsPanel() {
  return (
    <section className="panel settings" aria-label="Settings">
      {(Object.keys(GROUP_TITLES) as ParamGroup[]).map((group) => (
        <fieldset key={group}>
          <legend>{GROUP_TITLES[group]}</legend>
          {PARAMS.filter((spec) => spec.group === group).map((spec) => (
            <ParamSlider key={spec.key} spec={spec} />
          ))}
        </fieldset>
      ))}
    </section>
  );
}
