/** Loads KaTeX on first use (a separate chunk) and hands its renderer to components. */
import { startTransition, useEffect, useState } from 'react';

/** Typesets TeX as HTML. */
export type TexRenderer = (tex: string, displayMode: boolean) => string;

/** The one load of the KaTeX chunk, shared by every formula; cleared if it fails, to retry later. */
let pending: Promise<TexRenderer> | null = null;

/** Resolves when the page is idle: KaTeX (260 kB of script) then never delays the first steps. */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 3000 });
    else setTimeout(resolve, 500);
  });
}

/** Starts (or joins) loading KaTeX, once the page is idle. */
export function loadKatex(): Promise<TexRenderer> {
  pending ??= whenIdle()
    .then(() => import('./katexRender'))
    .then(
      (module) => module.renderTex,
      (error: unknown) => {
        pending = null;
        throw error;
      },
    );
  return pending;
}

/** KaTeX's renderer once it has loaded; null until then (and if it cannot load, e.g. offline). */
export function useKatex(): TexRenderer | null {
  const [render, setRender] = useState<TexRenderer | null>(null);
  useEffect(() => {
    let mounted = true;
    loadKatex().then(
      // A transition: typesetting every formula is then an interruptible background render,
      // never one long task.
      (renderer) => mounted && startTransition(() => setRender(() => renderer)),
      () => undefined, // plain text stays
    );
    return () => {
      mounted = false;
    };
  }, []);
  return render;
}
