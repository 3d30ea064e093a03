/** A short account of what the page computes, for readers new to MINE. */
export function Explainer() {
  return (
    <section className="panel explainer" aria-label="How it works">
      <h2>What you are watching</h2>
      <p>
        X is drawn from N(0, P·I<sub>d</sub>) and sent through a noisy channel, Y = X + N(0, σ²·I<sub>d</sub>
        ). Their mutual information is known exactly: <strong>I(X; Y) = d/2 · log₂(1 + P/σ²) bits</strong>,
        the dashed line.
      </p>
      <p>
        MINE (Belghazi et al., 2018) trains a small network T(x, y) to maximise the Donsker–Varadhan lower
        bound
      </p>
      <p className="formula">
        I(X; Y) ≥ E<sub>p(x,y)</sub>[T] − log E<sub>p(x)p(y)</sub>[e<sup>T</sup>]
      </p>
      <p>
        on each batch: the first term averages T over real pairs (xᵢ, yᵢ), the second over pairs whose y was
        shuffled within the batch, which breaks the dependence. As T learns to tell the two apart, the bound
        climbs towards the true MI. Try a larger dimension or a smaller noise: the true MI grows, and the
        estimate struggles to follow.
      </p>
    </section>
  );
}
