import { describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  PARAMS,
  configFromHash,
  configToHash,
  paramSpec,
  trueMiBits,
  validateConfig,
  type RunConfig,
} from '../../src/protocol/config';

describe('run configuration', () => {
  it('defaults to the reference script: P=3, σ²=0.2, d=3, h=10, N=20000, 500 steps, lr 0.01, seed 1', () => {
    expect(DEFAULTS).toEqual({
      power: 3,
      noise: 0.2,
      dim: 3,
      hidden: 10,
      batch: 20000,
      steps: 500,
      lr: 0.01,
      seed: 1,
    });
    expect(validateConfig(DEFAULTS)).toEqual([]);
    expect(trueMiBits(DEFAULTS)).toBe(6);
  });

  it('keeps every default inside its range, and tick values inside the range and sorted', () => {
    for (const spec of PARAMS) {
      expect(spec.min, spec.key).toBeLessThanOrEqual(spec.defaultValue);
      expect(spec.defaultValue, spec.key).toBeLessThanOrEqual(spec.max);
      if (spec.ticks) {
        expect(spec.ticks, spec.key).toContain(spec.defaultValue);
        expect([...spec.ticks].sort((a, b) => a - b)).toEqual(spec.ticks);
        expect(spec.ticks[0]).toBeGreaterThanOrEqual(spec.min);
        expect(spec.ticks[spec.ticks.length - 1]).toBeLessThanOrEqual(spec.max);
        if (spec.kind === 'int')
          for (const t of spec.ticks) expect(Number.isInteger(t), `${spec.key} ${t}`).toBe(true);
      } else {
        expect(spec.step, spec.key).toBeGreaterThan(0);
      }
    }
  });

  it('rejects noise ≤ 0, fractional dimensions and out-of-range values, naming the parameter', () => {
    expect(validateConfig({ ...DEFAULTS, noise: 0 })).toEqual([
      expect.stringMatching(/^noise must be a number from 0.01/),
    ]);
    expect(validateConfig({ ...DEFAULTS, noise: -1 })[0]).toMatch(/noise/);
    expect(validateConfig({ ...DEFAULTS, dim: 2.5 })[0]).toMatch(/^dim must be an integer/);
    expect(validateConfig({ ...DEFAULTS, batch: 1e9 })[0]).toMatch(/^batch/);
    expect(validateConfig({ ...DEFAULTS, lr: NaN })[0]).toMatch(/^lr/);
    expect(validateConfig({ ...DEFAULTS, hidden: 0, seed: -1 })).toHaveLength(2);
  });

  it('round-trips any valid configuration through the URL hash at full precision', () => {
    const config: RunConfig = {
      power: 2.7,
      noise: 0.0123456789,
      dim: 7,
      hidden: 33,
      batch: 1234,
      steps: 321,
      lr: 0.0031,
      seed: 42,
    };
    const hash = configToHash(config, true);
    expect(hash).toBe(
      '#power=2.7&noise=0.0123456789&dim=7&hidden=33&lr=0.0031&batch=1234&steps=321&seed=42&run=1',
    );
    expect(configFromHash(hash)).toEqual({ config, autoRun: true, notices: [] });
    expect(configFromHash(configToHash(DEFAULTS))).toEqual({ config: DEFAULTS, autoRun: false, notices: [] });
  });

  it('reads the example link from the issue', () => {
    const parsed = configFromHash('#power=3&noise=0.2&dim=3&hidden=10&batch=20000&steps=500&lr=0.01&seed=1');
    expect(parsed).toEqual({ config: DEFAULTS, autoRun: false, notices: [] });
  });

  it('falls back to the default for each bad value and says which parameter it was', () => {
    const parsed = configFromHash('#power=abc&noise=0&dim=3.5&hidden=&steps=40000&lr=0.02');
    expect(parsed.config).toEqual({ ...DEFAULTS, lr: 0.02 });
    expect(parsed.notices).toHaveLength(5);
    for (const key of ['power', 'noise', 'dim', 'hidden', 'steps']) {
      expect(
        parsed.notices.some(
          (n) => n.includes(`${key}="`) && n.includes(`default ${paramSpec(key as never).defaultValue}`),
        ),
      ).toBe(true);
    }
  });

  it('reports unknown parameters and a malformed run flag without starting', () => {
    const parsed = configFromHash('#foo=1&run=yes');
    expect(parsed.config).toEqual(DEFAULTS);
    expect(parsed.autoRun).toBe(false);
    expect(parsed.notices).toEqual([
      'Unknown URL parameter "foo" was ignored.',
      'URL parameter "run" must be 1 or 0, got "yes"; not starting automatically.',
    ]);
  });

  it('accepts plain decimals only: no hex, binary, blanks, signs or words', () => {
    expect(configFromHash('#noise=.5&lr=1e-3&power=0&batch=1E3').config).toEqual({
      ...DEFAULTS,
      noise: 0.5,
      lr: 0.001,
      power: 0,
      batch: 1000,
    });
    for (const bad of ['0x10', '0b11', '%203', '3%20', '%2B3', 'Infinity', '1e', '3.1.4', '--1']) {
      const parsed = configFromHash(`#dim=${bad}`);
      expect(parsed.config.dim, bad).toBe(DEFAULTS.dim);
      expect(parsed.notices, bad).toEqual([expect.stringMatching(/^URL parameter dim=".*" is invalid/)]);
    }
  });

  it('uses the first value of a repeated parameter and says so', () => {
    for (const hash of ['#power=5&power=abc', '#power=5&power=7']) {
      const parsed = configFromHash(hash);
      expect(parsed.config.power, hash).toBe(5);
      expect(parsed.notices, hash).toEqual([
        'URL parameter "power" appears more than once; only its first value was used.',
      ]);
    }
    const badFirst = configFromHash('#power=abc&power=5');
    expect(badFirst.config.power).toBe(DEFAULTS.power);
    expect(badFirst.notices).toHaveLength(2);
    expect(configFromHash('#run=1&run=0').autoRun).toBe(true);
  });

  it('treats an empty hash as the defaults with nothing to report', () => {
    expect(configFromHash('')).toEqual({ config: DEFAULTS, autoRun: false, notices: [] });
    expect(configFromHash('#')).toEqual({ config: DEFAULTS, autoRun: false, notices: [] });
  });
});
