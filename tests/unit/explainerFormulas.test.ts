import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  ceilingFormula,
  criticFormula,
  explainEstimator,
} from '../../src/components/explainer/boundFormulas';
import { controlNotes } from '../../src/components/explainer/controlNotes';
import { t, t as english, tZh } from './englishT';
import { dataModelFormula, trueMiFormula, trueMiNote } from '../../src/components/explainer/dataFormulas';
import { texLines, texNumber } from '../../src/components/explainer/texFormat';
import { DEFAULTS, PARAMS, infoNceK, type BoundId, type RunConfig } from '../../src/protocol/config';

const ESTIMATORS: readonly BoundId[] = ['mine', 'mine-ema', 'nwj', 'infonce', 'smile'];

describe('explainer formulas', () => {
  it('substitute the channel’s settings into its true MI, in bits or in nats', () => {
    const bits = trueMiFormula(DEFAULTS, 0, t);
    expect(bits.text).toBe('I(X;Y) = d/2 · log₂(1 + P/σ²) = 3/2 · log₂(1 + 3/0.2) = 6.00 bits');
    expect(bits.tex).toContain(
      '\\frac{3}{2}\\,\\log_2\\!\\Bigl(1 + \\frac{3}{0.2}\\Bigr) = 6.00\\ \\text{bits}',
    );
    const nats = trueMiFormula({ ...DEFAULTS, units: 'nats' }, 0, t);
    expect(nats.text).toBe('I(X;Y) = d/2 · ln(1 + P/σ²) = 3/2 · ln(1 + 3/0.2) = 4.16 nats');
    expect(nats.tex).toContain('\\ln');
    expect(dataModelFormula({ ...DEFAULTS, power: 5, noise: 0.5, dim: 4 }, t).text).toBe(
      'X ~ N(0, P·I_d), Y = X + Z, Z ~ N(0, σ²·I_d); P = 5, σ² = 0.5, d = 4',
    );
  });

  it('give the correlated, cubic and staircase models their own formulas and values', () => {
    const correlated: RunConfig = { ...DEFAULTS, dist: 'correlated', rho: -0.5, dim: 2 };
    // −2/2 · log2(1 − 0.25) = 0.415 bits; a negative ρ is squared in parentheses.
    expect(trueMiFormula(correlated, 0, t).text).toBe(
      'I(X;Y) = −d/2 · log₂(1 − ρ²) = −2/2 · log₂(1 − (-0.5)²) = 0.42 bits',
    );
    expect(trueMiFormula(correlated, 0, t).tex).toContain('(-0.5)^2');
    expect(dataModelFormula({ ...correlated, dist: 'cubic' }, t).text).toContain('(ρX + √(1−ρ²)·ε)³');
    expect(trueMiNote({ ...correlated, dist: 'cubic' }, t)).toContain('unchanged');
    const stairs: RunConfig = { ...DEFAULTS, dist: 'staircase', stair: 400, units: 'nats' };
    expect(trueMiFormula(stairs, 0, t).text).toContain('now I_0 = 2 nats = 2.00 nats');
    expect(trueMiFormula(stairs, 400, t).text).toContain('now I_400 = 4 nats = 4.00 nats');
    expect(trueMiFormula(stairs, 99_999, t).text).toContain('= 10 nats');
  });

  it('substitute N, k, α and τ into the bounds, and h and d into the critic', () => {
    const config: RunConfig = { ...DEFAULTS, estimator: [...ESTIMATORS], alpha: 0.05, tau: 2, k: 128 };
    expect(explainEstimator('mine', config, t).bound.tex).toContain('N = 20{,}000');
    expect(explainEstimator('mine', config, t).bound.text).toContain('N = 20,000');
    expect(explainEstimator('mine-ema', config, t).training?.tex).toContain('\\alpha = 0.05');
    expect(explainEstimator('nwj', config, t).bound.tex).toContain('- 1}');
    expect(infoNceK(config)).toBe(128);
    expect(explainEstimator('infonce', config, t).bound.tex).toContain('k = 128');
    expect(explainEstimator('infonce', config, t).note).toContain('(k is the cap you set)');
    expect(explainEstimator('infonce', config, t).note).toContain('log k = 7.00 bits');
    expect(explainEstimator('infonce', { ...config, batch: 64 }, t).note).toContain(
      '(k is the batch size N)',
    );
    const wide = { ...config, k: 2048, hidden: [256] };
    expect(infoNceK(wide)).toBeLessThan(2048);
    expect(explainEstimator('infonce', wide, t).note).toContain('limited by memory');
    expect(explainEstimator('smile', config, t).bound.tex).toContain('\\tau = 2');
    expect(explainEstimator('smile', config, t).training?.text).toContain('softplus');
    expect(criticFormula({ ...config, dim: 5, hidden: [64] }, t).text).toContain('d_x = 5, d_y = 5, h = 64');
    expect(ceilingFormula(config).text).toBe('Î ≲ log N = log₂ 20,000 = 14.29 bits');
  });

  it('are valid TeX for every distribution, estimator and unit, in English and in Chinese', () => {
    const render = (tex: string) => katex.renderToString(tex, { displayMode: true, throwOnError: true });
    for (const t of [english, tZh])
      for (const dist of ['channel', 'correlated', 'cubic', 'staircase'] as const)
        for (const units of ['bits', 'nats'] as const) {
          const config: RunConfig = { ...DEFAULTS, dist, units, rho: -0.9, estimator: [...ESTIMATORS] };
          for (const formula of [
            dataModelFormula(config, t),
            trueMiFormula(config, 1000, t),
            criticFormula(config, t),
            ceilingFormula(config),
            ...ESTIMATORS.flatMap((id) => {
              const { bound, training } = explainEstimator(id, config, t);
              return training ? [bound, training] : [bound];
            }),
          ])
            if (formula.tex !== null) expect(() => render(formula.tex ?? ''), formula.tex).not.toThrow();
        }
  });

  it('format numbers for TeX and stack lines', () => {
    expect(texNumber(20000)).toBe('20{,}000');
    expect(texNumber(0.0015)).toBe('0.0015');
    expect(texLines('a')).toBe('a');
    expect(texLines('a', 'b')).toBe('\\begin{gathered}a \\\\ b\\end{gathered}');
  });
});

describe('control notes', () => {
  it('say what every shown control changes and what to watch for', () => {
    for (const spec of PARAMS)
      expect(t(`explainer.watchFor.${spec.key}`), spec.key).not.toMatch(/^explainer\./);
    const notes = controlNotes(DEFAULTS, t);
    expect(notes.map((n) => n.key)).not.toContain('alpha');
    expect(notes.map((n) => n.key)).not.toContain('rho');
    expect(notes.find((n) => n.key === 'noise')).toEqual({
      key: 'noise',
      label: 'Noise variance σ²',
      changes: 'Variance of the channel noise added to X; strictly positive.',
      watch: 'less noise, more MI; very little pushes the truth above the batch ceiling.',
    });
    for (const note of notes) expect(note.watch.length, note.key).toBeLessThan(110);
    expect(controlNotes({ ...DEFAULTS, estimator: ['mine-ema'] }, t).map((n) => n.key)).toContain('alpha');
  });
});
