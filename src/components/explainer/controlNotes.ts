/**
 * One line per control: what it changes (the setting's hint) and what to watch for (catalogue
 * `explainer.watchFor.<key>`).
 */
import type { TFunction } from 'i18next';
import { PARAMS, isApplicable, type ParamKey, type RunConfig } from '../../protocol/config';
import { paramHintKey, paramLabelKey } from '../../protocol/paramText';

/** One control's line. */
export interface ControlNote {
  readonly key: ParamKey;
  readonly label: string;
  /** What the setting changes. */
  readonly changes: string;
  /** What to watch for when it moves. */
  readonly watch: string;
}

/** A line for every control shown for `config`, in the settings panel's order. */
export function controlNotes(config: RunConfig, t: TFunction): ControlNote[] {
  return PARAMS.filter((spec) => isApplicable(spec, config)).map((spec) => ({
    key: spec.key,
    label: t(paramLabelKey(spec.key)),
    changes: t(paramHintKey(spec.key)),
    watch: t(`explainer.watchFor.${spec.key}`),
  }));
}
