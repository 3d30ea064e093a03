import { useMemo, useRef } from 'react';
import type { Formula } from './texFormat';
import { useKatex } from './useKatex';
import { useScrollsSideways } from './useScrollsSideways';

/**
 * A formula typeset by KaTeX, shown as plain text until KaTeX has loaded. A displayed formula wider
 * than the screen scrolls sideways, and can then take focus, so that arrow keys scroll it too.
 */
export function Tex({ formula, display = true }: { formula: Formula; display?: boolean }) {
  const render = useKatex();
  const ref = useRef<HTMLSpanElement>(null);
  // The TeX is built by the explainer from validated numbers; nothing from the URL reaches it as text.
  const { tex } = formula;
  const html = useMemo(() => (render && tex !== null ? render(tex, display) : null), [render, tex, display]);
  const scrolls = useScrollsSideways(ref, html);
  const className = display ? 'tex tex-display' : 'tex tex-inline';
  if (html === null)
    return (
      <span className={`${className} tex-plain`} data-tex={formula.tex ?? undefined}>
        {formula.text}
      </span>
    );
  return (
    <span
      ref={ref}
      className={className}
      data-tex={tex ?? undefined}
      tabIndex={display && scrolls ? 0 : undefined}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
