/**
 * Catalogue keys of the settings' words: the parameter table says which settings, options and
 * presets exist; the catalogue (src/i18n/locales/<language>/params.json) says what they are called.
 * Pure strings, so the protocol stays free of React and of i18next.
 */
import type { BoundId, InfoUnit, ParamKey, SourceId } from './params';

/** The key of a setting's label, e.g. `params.batch.label`. */
export function paramLabelKey(key: ParamKey): string {
  return `params.${key}.label`;
}

/** The key of a setting's hint (what it changes). */
export function paramHintKey(key: ParamKey): string {
  return `params.${key}.hint`;
}

/** The key of an option's label, e.g. `options.dist.channel`. */
export function optionKey(key: ParamKey, id: string): string {
  return `options.${key}.${id}`;
}

/** The key of an estimator's name, e.g. `options.estimator.nwj`. */
export function estimatorKey(id: BoundId): string {
  return optionKey('estimator', id);
}

/** The key of a distribution's name, e.g. `options.dist.cubic`. */
export function distKey(id: SourceId): string {
  return optionKey('dist', id);
}

/** The key of a unit's name, `options.units.bits` or `options.units.nats`. */
export function unitsKey(units: InfoUnit): string {
  return optionKey('units', units);
}

/** The key of a menu heading (e.g. a task family), `options.groups.<id>`. */
export function groupKey(id: string): string {
  return `options.groups.${id}`;
}

/** The key of a preset's name or of its sentence on what to watch. */
export function presetKey(id: string, part: 'label' | 'watch'): string {
  return `presets.${id}.${part}`;
}
