/** One line per control: what it changes (the settings table's hint) and what to watch for. */
import { PARAMS, isApplicable, type ParamKey, type RunConfig } from '../../protocol/config';

/** What to watch on the plot when a setting moves. */
export const WATCH_FOR: Readonly<Record<ParamKey, string>> = Object.freeze({
  estimator: 'how far apart the curves sit, how noisy each is, and where each levels off.',
  alpha: 'small α steadies MINE’s gradient; α = 1 is plain MINE again.',
  k: 'InfoNCE flattens at log k, however good its critic.',
  tau: 'smaller τ quietens SMILE’s curve but biases it.',
  eval: 'the diamonds: the estimate on pairs the critic never trained on.',
  patience: 'a run that stops once the held-out estimate has stopped improving; its best is reported.',
  dist: 'the dashed line, the true MI, and how hard each data model is to learn.',
  task: 'where each estimator lands against the exact truth once the data stop being Gaussian.',
  rows: 'on a finite sample the training estimate pulls away above the held-out one: overfitting.',
  x: 'which columns the critic reads as X.',
  y: 'which columns the critic reads as Y.',
  holdout: 'fewer held-out rows, noisier diamonds; fewer training rows, more overfitting.',
  standardise: 'without it, a column in large units dominates the critic’s first layer and KSG’s distances.',
  'ksg-k': 'the KSG line moves a little: small k, less bias and more noise.',
  power: 'more power, more MI: the dashed line rises.',
  noise: 'less noise, more MI; very little pushes the truth above the batch ceiling.',
  rho: 'as |ρ| nears 1 the MI shoots up and the estimates fall behind.',
  stair: 'how quickly each estimator climbs to each new stair.',
  dim: 'the truth grows in proportion to d; the estimates lag further behind.',
  hidden:
    'with very few units the critic cannot take the optimal shape; a second layer helps on curved data.',
  lr: 'too high and the curve thrashes or diverges; too low and it crawls.',
  batch: 'smaller N, noisier curves and a lower ceiling, log N.',
  steps: 'a longer run gives the estimate time to settle.',
  seed: 'another seed, another curve: how much of what you see is chance.',
  units: 'every number and the y axis rescale; the curves keep their shape.',
  backend: 'the steps per second change; the estimates do not, beyond rounding.',
});

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
export function controlNotes(config: RunConfig): ControlNote[] {
  return PARAMS.filter((spec) => isApplicable(spec, config)).map((spec) => ({
    key: spec.key,
    label: spec.label,
    changes: spec.hint,
    watch: WATCH_FOR[spec.key],
  }));
}
