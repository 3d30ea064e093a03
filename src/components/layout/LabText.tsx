/** The lab's tagline and footer, the same in the full and the phone layouts. */

/** One line on what the page does. */
export function Tagline() {
  return (
    <p className="tagline secondary">
      Watch a neural network estimate mutual information, live in your browser.
    </p>
  );
}

/** The paper, the machinery, and how the URL carries the settings. */
export function LabFooter() {
  return (
    <footer className="secondary">
      Mutual Information Neural Estimation (Belghazi et al., ICML 2018), trained with TensorFlow.js in a Web
      Worker. Settings live in the URL: copy it to share this configuration; add <code>&amp;run=1</code> to
      start on load, <code>&amp;present=1</code> for presentation mode, <code>&amp;embed=1</code> for a slide.
    </footer>
  );
}
