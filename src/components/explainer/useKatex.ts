/** Loads KaTeX on first use (a separate chunk) and hands its renderer to components. */
import { useEffect, useState } from 'react';

/** Typesets TeX as HTML. */
export type TexRenderer = (tex: string, displayMode: boolean) => string;

/** The one load of the KaTeX chunk, shared by every formula; cleared if it fails, to retry later. */
let pending: Promise<TexRenderer> | null = null;

/** Starts (or joins) loading KaTeX. */
export function loadKatex(): Promise<TexRenderer> {
  pending ??= import('./katexRender').then(
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
      (renderer) => mounted && setRender(() => renderer),
      () => undefined, // plain text stays
    );
    return () => {
      mounted = false;
    };
  }, []);
  return render;
}
