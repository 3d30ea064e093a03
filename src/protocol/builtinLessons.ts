/**
 * The three lessons the lab ships: their steps' configurations here, their words in the catalogue
 * (locales/<language>/lessons.json, under lessons.builtin.<id>, loaded with the lesson player; their
 * titles, which the lesson menu lists, under lesson.titles.<id> in lesson.json), so they read in
 * every language.
 */
import type { Lesson, LessonStep } from './lesson';

/** A built-in step: a configuration and how to enter it; its words are catalogue entries. */
interface BuiltinStep {
  readonly config: string;
  readonly run?: boolean;
  readonly hide?: readonly string[];
  /** Whether the step has a "do" and a "watch" line in the catalogue. */
  readonly cues?: boolean;
}

/** Steps that show the channel at d = 1, where the critic can be seen as a heatmap. */
const CHANNEL_1D =
  '#estimator=mine&dist=correlated&rho=0.8&dim=1&hidden=32&lr=0.01&batch=1000&steps=1500&eval=25';

/** The built-in lessons, by id: each step's configuration, whether it starts at once, what it hides. */
export const BUILTIN_LESSONS: Readonly<Record<string, readonly BuiltinStep[]>> = {
  'why-mine': [
    { config: CHANNEL_1D, run: true, cues: true, hide: ['sweep'] },
    { config: CHANNEL_1D, cues: true, hide: ['sweep'] },
    { config: CHANNEL_1D, run: true, cues: true, hide: ['sweep', 'explainer'] },
    {
      config: '#estimator=mine&dist=correlated&rho=0.8&dim=1&hidden=32&batch=200&steps=600',
      run: true,
      cues: true,
    },
    {
      config:
        '#estimator=mine,mine-ema&alpha=0.01&dist=correlated&rho=0.9&dim=1&hidden=32&lr=0.005&batch=32&steps=2000&eval=50',
      run: true,
      cues: true,
    },
    { config: CHANNEL_1D },
  ],
  'batch-ceiling': [
    { config: '#estimator=mine&noise=0.01&dim=3&batch=256&steps=1500&eval=25', cues: true },
    { config: '#estimator=mine&noise=0.01&dim=3&batch=4096&steps=1500&eval=25', cues: true },
    {
      config: '#estimator=infonce,mine&k=64&noise=0.01&dim=3&batch=256&steps=1500&eval=25',
      cues: true,
    },
    { config: '#estimator=mine&noise=0.01&dim=3&batch=128&steps=1500&eval=10', cues: true },
    {
      config:
        '#estimator=mine&dist=correlated&rho=0.8&dim=1&rows=400&holdout=0.5&hidden=128&lr=0.01&batch=200&steps=3000&eval=25',
      cues: true,
    },
    { config: '#estimator=mine&noise=0.2&dim=3&batch=20000&steps=500' },
  ],
  'choosing-an-estimator': [
    { config: '#estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&steps=1000', cues: true },
    { config: '#estimator=mine,nwj&dim=1&batch=64&steps=2000&eval=25', cues: true },
    {
      config: '#estimator=mine,smile&tau=1&dist=correlated&rho=0.95&dim=2&hidden=32&batch=500&steps=1500',
      cues: true,
    },
    {
      config: '#estimator=mine,infonce&dist=cubic&rho=0.9&dim=3&batch=2000&steps=2000',
      cues: true,
    },
    {
      config:
        '#estimator=mine,nwj,infonce,smile&dist=staircase&stair=400&dim=20&hidden=64&lr=0.001&batch=64&steps=2000&eval=50&units=nats',
      cues: true,
    },
    {
      config:
        '#estimator=mine,nwj,infonce&dist=task&task=student-identity-2-2-1&rows=5000&holdout=0.5&standardise=on&hidden=16,8&lr=0.1&batch=256&steps=10000&eval=250&patience=2',
      cues: true,
    },
    { config: '#estimator=mine,mine-ema,nwj,infonce,smile&batch=1000&steps=1000' },
  ],
};

/** Ids of the built-in lessons, in the order the page lists them. */
export const BUILTIN_LESSON_IDS = Object.keys(BUILTIN_LESSONS);

/** Looks a catalogue entry up in the page's language (the catalogue's `t`). */
export type Lookup = (key: string) => string;

/** The built-in lesson `id` in the language `t` speaks, or null for an unknown id. */
export function builtinLesson(id: string, t: Lookup): Lesson | null {
  const steps = Object.hasOwn(BUILTIN_LESSONS, id) ? BUILTIN_LESSONS[id] : null;
  if (!steps) return null;
  const base = `lessons.builtin.${id}`;
  return {
    title: t(`lesson.titles.${id}`),
    steps: steps.map((step, i): LessonStep => {
      const key = `${base}.steps.${i}`;
      return {
        title: t(`${key}.title`),
        text: t(`${key}.text`),
        config: step.config,
        ...(step.cues ? { do: t(`${key}.do`), watch: t(`${key}.watch`) } : {}),
        ...(step.run ? { run: true } : {}),
        ...(step.hide ? { hide: step.hide } : {}),
      };
    }),
  };
}
