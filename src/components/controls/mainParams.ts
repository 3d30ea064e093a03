/** The few settings a lecture needs: the ones presentation and embed modes keep on screen. */
import {
  PARAMS,
  isApplicable,
  type LayersSpec,
  type NumberSpec,
  type ParamKey,
  type RunConfig,
} from '../../protocol/config';

/** The data model's own parameters, the dimension and the critic's width, in display order. */
export const MAIN_PARAM_KEYS: readonly ParamKey[] = Object.freeze([
  'power',
  'noise',
  'rho',
  'stair',
  'dim',
  'hidden',
]);

/** Whether a setting is one of the main ones. */
export function isMainParam(key: ParamKey): boolean {
  return MAIN_PARAM_KEYS.includes(key);
}

/** The main sliders that apply to `config` (power, noise, dim, hidden on the Gaussian channel). */
export function mainSliders(config: RunConfig): (NumberSpec | LayersSpec)[] {
  return PARAMS.filter(
    (spec): spec is NumberSpec | LayersSpec =>
      (spec.type === 'number' || spec.type === 'layers') &&
      isMainParam(spec.key) &&
      isApplicable(spec, config),
  );
}
