/** One-click configurations for a lecture, each a URL hash and a sentence saying what to watch. */

/** A named configuration. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  /** The settings, as a URL hash; everything it leaves out takes its default. */
  readonly hash: string;
  /** What to watch, in one sentence. */
  readonly watch: string;
}

/** The presets, in the order the page lists them. */
export const PRESETS: readonly Preset[] = Object.freeze([
  {
    id: 'reference',
    label: 'Reference script',
    hash: '#estimator=mine',
    watch: 'The reference PyTorch setup: MINE climbs from 0 to just under the true 6 bits in 500 steps.',
  },
  {
    id: 'staircase',
    label: 'Staircase',
    hash: '#estimator=mine,nwj,infonce,smile&dist=staircase&stair=400&dim=20&hidden=64&lr=0.001&batch=64&steps=2000&eval=50',
    watch:
      'The true MI steps up 2 nats every 400 steps; with 64 pairs per batch every estimator flattens near log 64 ≈ 4.2 nats, and InfoNCE can never pass it.',
  },
  {
    id: 'ceiling',
    label: 'Above the ceiling',
    hash: '#estimator=mine&noise=0.01&batch=256&steps=1500',
    watch:
      'The true MI (12.4 bits) is above log2 256 = 8 bits: the estimate saturates at the batch ceiling, not at the truth.',
  },
  {
    id: 'small-batch',
    label: 'Small batch, high variance',
    hash: '#estimator=mine,nwj&dim=1&batch=64&steps=2000&eval=25',
    watch:
      'With 64 pairs per step each estimate is noisy and NWJ’s noisier still; the held-out diamonds show the honest value behind the noise.',
  },
  {
    id: 'cubic',
    label: 'Cubic: same MI, harder',
    hash: '#estimator=mine&dist=cubic&rho=0.9&dim=3&batch=2000&steps=2000',
    watch:
      'Y is cubed: the true MI is unchanged (3.6 bits), but the critic must learn a curved dependence and climbs more slowly than on plain correlated Gaussians.',
  },
  {
    id: 'bmi',
    label: 'Beyond Normal protocol',
    hash: '#estimator=mine,nwj,infonce&dist=task&task=student-identity-1-1-1&rows=5000&holdout=0.5&standardise=on&hidden=16,8&lr=0.1&batch=256&steps=10000&eval=250&patience=2',
    watch:
      'bmi’s protocol on a heavy-tailed Student-t task: 5,000 rows split in half, a (16, 8) critic, Adam at 0.1, stopping once the held-out estimate stops improving; the best held-out estimate is what bmi reports.',
  },
  {
    id: 'overfit',
    label: 'Finite sample: overfitting',
    hash: '#estimator=mine&dist=correlated&rho=0.8&dim=1&rows=400&holdout=0.5&hidden=128&lr=0.01&batch=200&steps=3000&eval=25',
    watch:
      'Only 200 rows to train on and a wide critic: the training-batch estimate climbs past the truth while the held-out diamonds fall behind it.',
  },
  {
    id: 'compare',
    label: 'Compare all estimators',
    hash: '#estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&steps=1000',
    watch:
      'Five estimators, each with its own critic, on the same batches: InfoNCE is capped at log k, NWJ is the noisiest, SMILE trades variance for bias.',
  },
]);
