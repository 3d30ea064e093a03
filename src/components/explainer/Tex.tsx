import { useMemo } from 'react';
import type { Formula } from './texFormat';
import { useKatex } from './useKatex';

/** A formula typeset by KaTeX, shown as plain text until KaTeX has loaded. */
export function Tex({ formula, display = true }: { formula: Formula; display?: boolean }) {
  const render = useKatex();
  // The TeX is built by the explainer from validated numbers; nothing from the URL reaches it as text.
  const { tex } = formula;
  const html = useMemo(() => (render && tex !== null ? render(tex, display) : null), [render, tex, display]);
  const className = display ? 'tex tex-display' : 'tex tex-inline';
  if (html === null)
    return (
      <span className={`${className} tex-plain`} data-tex={formula.tex ?? undefined}>
        {formula.text}
      </span>
    );
  return (
    <span className={className} data-tex={tex ?? undefined} dangerouslySetInnerHTML={{ __html: html }} />
  );
}
