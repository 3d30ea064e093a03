/**
 * KaTeX and its stylesheet, in a chunk of their own: the explainer imports this module lazily, so
 * the page's entry chunk stays small. The fonts are bundled by Vite; nothing comes from the network.
 */
import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typesets TeX as HTML (with MathML for screen readers); errors are shown in place, never thrown. */
export function renderTex(tex: string, displayMode: boolean): string {
  return katex.renderToString(tex, {
    displayMode,
    throwOnError: false,
    output: 'htmlAndMathml',
    strict: 'ignore',
  });
}
