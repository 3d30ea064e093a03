/**
 * Panels that are not needed for the first paint, each its own chunk loaded when first shown (and
 * precached for offline use with the rest of the site): the explanation's body, the suite view,
 * the lesson player, the sweep and critic panels, the data panel and the footer. The entry chunk keeps to what the first screen draws.
 */
import { Suspense, lazy, type ComponentProps, type ComponentType } from 'react';

/** `Component` from a lazily imported module, drawn as nothing until the chunk has arrived. */
function deferred<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function Deferred(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...(props as ComponentProps<typeof Lazy>)} />
      </Suspense>
    );
  };
}

/** The explanation's body (formulas and prose). */
export const LazyExplainerBody = deferred(
  async () => (await import('./explainer/ExplainerBody')).ExplainerBody,
);

/** The Beyond Normal suite view. */
export const LazySuiteView = deferred(async () => (await import('./suite/SuiteView')).SuiteView);

/** The lesson player (only drawn while a lesson is open). */
export const LazyLessonPlayer = deferred(async () => (await import('./lesson/LessonPlayer')).LessonPlayer);

/** What the critic learned and what it sees. */
export const LazyCriticPanel = deferred(async () => (await import('./critic/CriticPanel')).CriticPanel);

/** The user's data (only with dist=data). */
export const LazyDataPanel = deferred(async () => (await import('./data/DataPanel')).DataPanel);

/** The footer: the paper, the machinery, the URL's flags. */
export const LazyLabFooter = deferred(async () => (await import('./layout/LabFooter')).LabFooter);

/** Sweeps of one setting. */
export const LazySweepPanel = deferred(async () => (await import('./sweep/SweepPanel')).SweepPanel);
