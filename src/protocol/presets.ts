/**
 * One-click configurations for a lecture, each a URL hash and a sentence saying what to watch. The
 * words are the English catalogue's (locales/en/params.json, `presets.<id>.label|watch`); the page
 * renders them by key (`presetKey`).
 */
import EN from '../i18n/locales/en/params.json' with { type: 'json' };

/** A named configuration. */
export interface Preset {
  readonly id: string;
  readonly label: string;
  /** The settings, as a URL hash; everything it leaves out takes its default. */
  readonly hash: string;
  /** What to watch, in one sentence. */
  readonly watch: string;
}

/** The presets' settings, in the order the page lists them; their words are the catalogue's, by id. */
const PRESET_LINKS = [
  { id: 'reference', hash: '#estimator=mine' },
  {
    id: 'staircase',
    hash: '#estimator=mine,nwj,infonce,smile&dist=staircase&stair=400&dim=20&hidden=64&lr=0.001&batch=64&steps=2000&eval=50',
  },
  { id: 'ceiling', hash: '#estimator=mine&noise=0.01&batch=256&steps=1500' },
  { id: 'small-batch', hash: '#estimator=mine,nwj&dim=1&batch=64&steps=2000&eval=25' },
  { id: 'cubic', hash: '#estimator=mine&dist=cubic&rho=0.9&dim=3&batch=2000&steps=2000' },
  {
    id: 'bmi',
    hash: '#estimator=mine,nwj,infonce&dist=task&task=student-identity-1-1-1&rows=5000&holdout=0.5&standardise=on&hidden=16,8&lr=0.1&batch=256&steps=10000&eval=250&patience=2',
  },
  {
    id: 'overfit',
    hash: '#estimator=mine&dist=correlated&rho=0.8&dim=1&rows=400&holdout=0.5&hidden=128&lr=0.01&batch=200&steps=3000&eval=25',
  },
  { id: 'compare', hash: '#estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&steps=1000' },
] as const satisfies readonly { id: keyof typeof EN.presets; hash: string }[];

/** The presets, in the order the page lists them. */
export const PRESETS: readonly Preset[] = Object.freeze(
  PRESET_LINKS.map(({ id, hash }) => ({
    id,
    label: EN.presets[id].label,
    hash,
    watch: EN.presets[id].watch,
  })),
);
