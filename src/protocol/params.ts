/**
 * The types of the one declarative table of run settings (PARAMS, in paramTable.ts). Each entry
 * drives validation, the default, the URL hash key, the control on the page (slider, menu,
 * checkboxes or layer widths), when the control is shown, and the README's parameter list.
 */
import type { BoundId } from '../core/bounds';
import type { DistributionId } from '../core/distributions';

/** Estimator and distribution ids, re-exported so the page names them without importing the core. */
export type { BoundId } from '../core/bounds';
export type { DistributionId } from '../core/distributions';
export { PARAMS } from './paramTable';

/** Where the pairs come from: a distribution with a known truth, or the user's own data. */
export type SourceId = DistributionId | 'data';

/** Which tfjs backend to train on; `auto` picks the fastest this machine really has. */
export type BackendPreference = 'auto' | 'webgl' | 'wasm' | 'cpu' | 'webgpu';

/** Units information quantities are shown in. */
export type InfoUnit = 'bits' | 'nats';

/** A switch as the URL spells it. */
export type OnOff = 'on' | 'off';

/** A complete, validated run configuration; each key is also its URL hash name. */
export interface RunConfig {
  readonly estimator: readonly BoundId[];
  readonly dist: SourceId;
  /** bmi's id of the benchmark task (dist = task). */
  readonly task: string;
  readonly power: number;
  readonly noise: number;
  readonly rho: number;
  readonly stair: number;
  readonly dim: number;
  /** Rows of a finite sample drawn once from the distribution; 0 draws fresh pairs every step. */
  readonly rows: number;
  /** Share of a finite sample's rows held out (never trained on). */
  readonly holdout: number;
  /** Whether a finite sample's columns are standardised on its training rows. */
  readonly standardise: OnOff;
  /** Columns of the user's data that make up X (dist = data). */
  readonly x: readonly string[];
  /** Columns of the user's data that make up Y (dist = data). */
  readonly y: readonly string[];
  /** Neighbours k of the KSG baseline. */
  readonly 'ksg-k': number;
  /** Widths of the critic's hidden layers, input side first (1 to 3 layers). */
  readonly hidden: readonly number[];
  readonly lr: number;
  readonly batch: number;
  readonly steps: number;
  readonly seed: number;
  readonly alpha: number;
  readonly tau: number;
  readonly k: number;
  readonly eval: number;
  /** Early stopping: held-out evaluations without a better estimate before the run stops; 0: never. */
  readonly patience: number;
  readonly units: InfoUnit;
  readonly backend: BackendPreference;
}

/** Keys of the run configuration. */
export type ParamKey = keyof RunConfig;

/** Keys whose value is a number. */
export type NumberKey = { [K in ParamKey]: RunConfig[K] extends number ? K : never }[ParamKey];

/** Keys whose value is one id out of a list of options. */
export type ChoiceKey = 'dist' | 'task' | 'standardise' | 'units' | 'backend';

/** Keys whose value names columns of the user's data. */
export type ColumnsKey = 'x' | 'y';

/** Parts of the model a setting belongs to, for grouping on the page. */
export type ParamGroup = 'estimator' | 'data' | 'critic' | 'training' | 'display';

/**
 * What a change of the setting does to a run in progress: restart it, restart the worker (and the
 * run) on another backend, or only redraw.
 */
export type ParamEffect = 'run' | 'worker' | 'view';

/** One option of a choice or list setting. */
export interface ParamOption<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** Id of the heading the option is listed under in its menu (a task's family; label: options.groups.<id>). */
  readonly group?: string;
}

interface SpecBase<K extends ParamKey> {
  readonly key: K;
  /** Label shown beside the control, in English (the page shows `params.<key>.label` in its language). */
  readonly label: string;
  readonly group: ParamGroup;
  readonly effect: ParamEffect;
  /** Whether the setting matters for `config`; the control is hidden and the URL omits it if not. */
  readonly appliesTo?: (config: RunConfig) => boolean;
  /** A switch that is off at its default: links carry it only when it is set. */
  readonly omitAtDefault?: boolean;
}

/** A numeric setting: its limits and how a slider moves over it. */
export interface NumberSpec extends SpecBase<NumberKey> {
  readonly type: 'number';
  /** Integers only, or any real number in range. */
  readonly kind: 'int' | 'float';
  readonly defaultValue: number;
  /** Smallest accepted value (inclusive). */
  readonly min: number;
  /** Largest accepted value (inclusive). */
  readonly max: number;
  /** Values a slider steps through, for log-scale settings; else it moves by `step`. */
  readonly ticks?: readonly number[];
  /** Linear slider increment, when there are no ticks. */
  readonly step?: number;
}

/** A setting that takes one of a few ids. */
export interface ChoiceSpec extends SpecBase<ChoiceKey> {
  readonly type: 'choice';
  readonly options: readonly ParamOption[];
  readonly defaultValue: string;
}

/** A setting that takes a non-empty list of distinct ids (comma-separated in the URL). */
export interface ListSpec extends SpecBase<'estimator'> {
  readonly type: 'list';
  readonly options: readonly ParamOption<BoundId>[];
  readonly defaultValue: readonly BoundId[];
}

/** A setting that takes 1 to `maxLayers` integer widths (comma-separated in the URL). */
export interface LayersSpec extends SpecBase<'hidden'> {
  readonly type: 'layers';
  readonly defaultValue: readonly number[];
  readonly maxLayers: number;
  /** Smallest and largest width of a layer (inclusive). */
  readonly min: number;
  readonly max: number;
  /** Widths each layer's slider steps through. */
  readonly ticks: readonly number[];
}

/** A setting that names columns of the user's data: distinct names, comma-separated in the URL. */
export interface ColumnsSpec extends SpecBase<ColumnsKey> {
  readonly type: 'columns';
  readonly defaultValue: readonly string[];
  /** Most columns it may name. */
  readonly maxColumns: number;
  /** Longest column name it accepts. */
  readonly maxNameLength: number;
}

/** Any setting. */
export type ParamSpec = NumberSpec | ChoiceSpec | ListSpec | LayersSpec | ColumnsSpec;
