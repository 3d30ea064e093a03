import { describe, expect, it } from 'vitest';
import {
  DEFAULTS,
  PARAMS,
  ceilingBits,
  heldOutSize,
  infoNceK,
  inUnits,
  isApplicable,
  paramError,
  paramSpec,
  trueMiBits,
  validateConfig,
  type RunConfig,
} from '../../src/protocol/config';
import { PRESETS } from '../../src/protocol/presets';
import { BMI_PROTOCOL } from '../../src/protocol/suite';
import { MAX_URL_NOTICES, configFromHash, configToHash } from '../../src/protocol/urlHash';
import { message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

describe('run configuration', () => {
  it('defaults to the reference script: MINE on the channel, P=3, σ²=0.2, d=3, h=10, N=20000, 500 steps', () => {
    expect(DEFAULTS).toMatchObject({
      estimator: ['mine'],
      dist: 'channel',
      power: 3,
      noise: 0.2,
      dim: 3,
      hidden: [10],
      batch: 20000,
      steps: 500,
      lr: 0.01,
      seed: 1,
      alpha: 0.01,
      tau: 5,
      eval: 25,
      units: 'bits',
      backend: 'auto',
    });
    expect(validateConfig(DEFAULTS).map(inEnglish)).toEqual([]);
    expect(trueMiBits(DEFAULTS)).toBe(6);
  });

  it('keeps every default valid, and tick values inside the range and sorted', () => {
    for (const spec of PARAMS) {
      if (spec.type === 'layers' || spec.type === 'columns') {
        expect(paramError(spec, spec.defaultValue), spec.key).toBeNull();
        continue;
      }
      if (spec.type !== 'number') {
        const ids = spec.options.map((o) => o.id);
        const defaults: readonly string[] = spec.type === 'list' ? spec.defaultValue : [spec.defaultValue];
        for (const id of defaults) expect(ids, spec.key).toContain(id);
        continue;
      }
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

  it('rejects bad values, naming the parameter', () => {
    expect(validateConfig({ ...DEFAULTS, noise: 0 }).map(inEnglish)).toEqual([
      expect.stringMatching(/^noise must be a number from 0.01/),
    ]);
    expect(validateConfig({ ...DEFAULTS, dim: 2.5 }).map(inEnglish)[0]).toMatch(/^dim must be an integer/);
    expect(validateConfig({ ...DEFAULTS, batch: 1e9 }).map(inEnglish)[0]).toMatch(/^batch/);
    expect(validateConfig({ ...DEFAULTS, lr: NaN }).map(inEnglish)[0]).toMatch(/^lr/);
    expect(validateConfig({ ...DEFAULTS, hidden: [0], seed: -1 })).toHaveLength(2);
    expect(validateConfig({ ...DEFAULTS, rho: 1 }).map(inEnglish)[0]).toMatch(/^rho/);
    expect(
      validateConfig({ ...DEFAULTS, dist: 'uniform' } as unknown as RunConfig).map(inEnglish)[0],
    ).toMatch(/^dist must be one of/);
    expect(validateConfig({ ...DEFAULTS, estimator: [] }).map(inEnglish)[0]).toMatch(/^estimator/);
    expect(validateConfig({ ...DEFAULTS, estimator: ['mine', 'mine'] }).map(inEnglish)[0]).toMatch(
      /^estimator/,
    );
  });

  it('shows each distribution’s and estimator’s own settings only where they apply', () => {
    const applies = (key: Parameters<typeof paramSpec>[0], config: RunConfig) =>
      isApplicable(paramSpec(key), config);
    expect(applies('power', DEFAULTS)).toBe(true);
    expect(applies('rho', DEFAULTS)).toBe(false);
    expect(applies('rho', { ...DEFAULTS, dist: 'cubic' })).toBe(true);
    expect(applies('power', { ...DEFAULTS, dist: 'correlated' })).toBe(false);
    expect(applies('stair', { ...DEFAULTS, dist: 'staircase' })).toBe(true);
    expect(applies('alpha', DEFAULTS)).toBe(false);
    expect(applies('alpha', { ...DEFAULTS, estimator: ['nwj', 'mine-ema'] })).toBe(true);
    expect(applies('tau', { ...DEFAULTS, estimator: ['smile'] })).toBe(true);
    expect(applies('k', { ...DEFAULTS, estimator: ['infonce'] })).toBe(true);
  });

  it('derives true MI per step, held-out sizes, InfoNCE’s k, ceilings and units', () => {
    const stairs: RunConfig = { ...DEFAULTS, dist: 'staircase', stair: 100, dim: 20 };
    expect([0, 150, 450].map((s) => trueMiBits(stairs, s) / Math.LOG2E)).toEqual(
      [2, 4, 10].map((v) => expect.closeTo(v, 12)),
    );
    expect(trueMiBits({ ...DEFAULTS, dist: 'correlated', rho: 0.5, dim: 2 })).toBeCloseTo(
      -Math.log2(0.75),
      12,
    );
    expect(heldOutSize({ batch: 64 })).toBe(4096);
    expect(heldOutSize({ batch: 2000 })).toBe(8000);
    expect(heldOutSize({ batch: 50000 })).toBe(50000);
    expect(infoNceK({ ...DEFAULTS, batch: 20000, k: 256 })).toBe(256);
    expect(infoNceK({ ...DEFAULTS, batch: 64, k: 256 })).toBe(64);
    expect(ceilingBits({ ...DEFAULTS, batch: 1024 }, 'mine')).toBe(10);
    expect(ceilingBits({ ...DEFAULTS, batch: 1024, k: 128 }, 'infonce')).toBe(7);
    expect(inUnits(1, 'nats')).toBeCloseTo(Math.LN2, 12);
    expect(inUnits(3, 'bits')).toBe(3);
  });
});

describe('URL hash', () => {
  it('round-trips any valid configuration at full precision, writing only the settings that apply', () => {
    const config: RunConfig = {
      ...DEFAULTS,
      estimator: ['nwj', 'mine-ema'],
      power: 2.7,
      noise: 0.0123456789,
      dim: 7,
      hidden: [33],
      batch: 1234,
      steps: 321,
      lr: 0.0031,
      seed: 42,
      alpha: 0.05,
      units: 'nats',
    };
    const hash = configToHash(config, { run: '1' });
    expect(hash).toBe(
      '#estimator=nwj,mine-ema&alpha=0.05&eval=25&dist=channel&power=2.7&noise=0.0123456789&dim=7&hidden=33' +
        '&lr=0.0031&batch=1234&steps=321&seed=42&units=nats&backend=auto&run=1',
    );
    expect(configFromHash(hash)).toEqual({ config, flags: { run: '1' }, autoRun: true, notices: [] });
    expect(configFromHash(configToHash(DEFAULTS)).config).toEqual(DEFAULTS);
    const cubic: RunConfig = {
      ...DEFAULTS,
      dist: 'cubic',
      rho: -0.35,
      estimator: ['infonce', 'smile'],
      k: 64,
      tau: 2,
    };
    expect(configFromHash(configToHash(cubic)).config).toEqual(cubic);
  });

  it('reads part 1’s example link, with everything it leaves out at the defaults', () => {
    const parsed = configFromHash('#power=3&noise=0.2&dim=3&hidden=10&batch=20000&steps=500&lr=0.01&seed=1');
    expect(parsed).toEqual({ config: DEFAULTS, flags: {}, autoRun: false, notices: [] });
  });

  it('falls back to the default for each bad value and says which parameter it was', () => {
    const parsed = configFromHash(
      '#power=abc&noise=0&dim=3.5&hidden=&steps=40000&lr=0.02&rho=1&dist=uniform',
    );
    expect(parsed.config).toEqual({ ...DEFAULTS, lr: 0.02 });
    expect(parsed.notices.map(inEnglish)).toHaveLength(7);
    for (const key of ['power', 'noise', 'dim', 'hidden', 'steps', 'rho', 'dist'] as const) {
      const spec = paramSpec(key);
      expect(
        parsed.notices
          .map(inEnglish)
          .some((n) => n.includes(`${key}="`) && n.includes(`default ${String(spec.defaultValue)}`)),
        key,
      ).toBe(true);
    }
  });

  it('keeps the known ids of an estimator list and names the key for unknown, repeated or empty lists', () => {
    const mixed = configFromHash('#estimator=nwj,bogus,nwj,infonce');
    expect(mixed.config.estimator).toEqual(['nwj', 'infonce']);
    expect(mixed.notices.map(inEnglish)).toEqual([
      expect.stringMatching(/^URL parameter estimator: unknown id "bogus"/),
      expect.stringMatching(/^URL parameter estimator: "nwj" is listed twice/),
    ]);
    for (const bad of ['', ',', 'foo', 'foo,bar']) {
      const parsed = configFromHash(`#estimator=${bad}`);
      expect(parsed.config.estimator, bad).toEqual(['mine']);
      expect(
        parsed.notices.map(inEnglish).some((n) => n.startsWith('URL parameter estimator=')),
        bad,
      ).toBe(true);
    }
  });

  it('reports unknown parameters and a malformed run flag without starting', () => {
    const parsed = configFromHash('#foo=1&run=yes');
    expect(parsed.config).toEqual(DEFAULTS);
    expect(parsed.autoRun).toBe(false);
    expect(parsed.notices).toEqual([
      message('notices.url.unknown', { name: '"foo"' }),
      message('notices.url.badFlag', { flag: 'run', value: '"yes"' }),
    ]);
    expect(parsed.notices.map(inEnglish)).toEqual([
      'Unknown URL parameter "foo" was ignored.',
      'URL parameter run="yes" is invalid; it was ignored.',
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
    for (const bad of ['0x10', '0b11', '%203', '3%20', '%2B3', 'Infinity', 'NaN', '1e', '3.1.4', '--1']) {
      const parsed = configFromHash(`#dim=${bad}`);
      expect(parsed.config.dim, bad).toBe(DEFAULTS.dim);
      expect(parsed.notices.map(inEnglish), bad).toEqual([
        expect.stringMatching(/^URL parameter dim=".*" is invalid/),
      ]);
    }
  });

  it('quotes at most 40 characters of a bad value and survives malformed percent-encoding', () => {
    const parsed = configFromHash(`#noise=${'9'.repeat(10_000)}&seed=%E0%A4%A&dim=%`);
    expect(parsed.config).toEqual(DEFAULTS);
    expect(parsed.notices.map(inEnglish)).toHaveLength(3);
    for (const notice of parsed.notices.map(inEnglish)) expect(notice.length).toBeLessThan(200);
  });

  it('uses the first value of a repeated parameter and says so', () => {
    for (const hash of ['#power=5&power=abc', '#power=5&power=7']) {
      const parsed = configFromHash(hash);
      expect(parsed.config.power, hash).toBe(5);
      expect(parsed.notices.map(inEnglish), hash).toEqual([
        'URL parameter "power" appears more than once; only its first value was used.',
      ]);
    }
    expect(configFromHash('#run=1&run=0').autoRun).toBe(true);
  });

  it('says once that a parameter repeats, however often it does', () => {
    const parsed = configFromHash(`#${'xx&'.repeat(1000)}dim=2&${'dim=5&'.repeat(1000)}`);
    expect(parsed.config.dim).toBe(2);
    expect(parsed.notices.map(inEnglish)).toEqual([
      'Unknown URL parameter "xx" was ignored.',
      'URL parameter "xx" appears more than once; only its first value was used.',
      'URL parameter "dim" appears more than once; only its first value was used.',
    ]);
  });

  it('lists at most MAX_URL_NOTICES problems of one URL, counting the rest, so a link cannot bury the page', () => {
    const unknown = Array.from({ length: 100_000 }, (_, i) => `p${i}=1`).join('&');
    const parsed = configFromHash(`#${unknown}&dim=2&estimator=${'bad,'.repeat(50)}nwj`);
    expect(parsed.config).toEqual({ ...DEFAULTS, dim: 2, estimator: ['nwj'] });
    expect(parsed.notices.map(inEnglish)).toHaveLength(MAX_URL_NOTICES);
    expect(parsed.notices.map(inEnglish).slice(0, MAX_URL_NOTICES - 1)).toEqual(
      Array.from({ length: MAX_URL_NOTICES - 1 }, (_, i) => `Unknown URL parameter "p${i}" was ignored.`),
    );
    // 100,000 unknown names and 50 unknown ids.
    expect(parsed.notices.map(inEnglish)[MAX_URL_NOTICES - 1]).toBe(
      `…and ${100_000 + 50 - (MAX_URL_NOTICES - 1)} more problems with the URL, also ignored.`,
    );
    const exactlyAtTheCap = Array.from({ length: MAX_URL_NOTICES }, (_, i) => `q${i}=1`).join('&');
    expect(configFromHash(`#${exactlyAtTheCap}`).notices.map(inEnglish)).toHaveLength(MAX_URL_NOTICES);
    expect(configFromHash(`#${exactlyAtTheCap}`).notices.map(inEnglish).join()).not.toContain(
      'more problems',
    );
  });

  it('treats an empty hash as the defaults with nothing to report', () => {
    expect(configFromHash('')).toEqual({ config: DEFAULTS, flags: {}, autoRun: false, notices: [] });
    expect(configFromHash('#')).toEqual({ config: DEFAULTS, flags: {}, autoRun: false, notices: [] });
  });

  it('has presets that are valid hashes, each with a sentence to watch', () => {
    expect(PRESETS.map((p) => p.label)).toEqual([
      'Reference script',
      'Staircase',
      'Above the ceiling',
      'Small batch, high variance',
      'Cubic: same MI, harder',
      'Beyond Normal protocol',
      'Finite sample: overfitting',
      'Compare all estimators',
    ]);
    for (const preset of PRESETS) {
      const parsed = configFromHash(preset.hash);
      expect(parsed.notices.map(inEnglish), preset.id).toEqual([]);
      expect(preset.watch.length, preset.id).toBeGreaterThan(40);
    }
    const preset = (id: string) => configFromHash(PRESETS.find((p) => p.id === id)?.hash ?? '').config;
    const ceiling = preset('ceiling');
    expect(trueMiBits(ceiling)).toBeGreaterThan(ceilingBits(ceiling, 'mine'));
    expect(preset('compare').estimator).toHaveLength(5);
    // The Beyond Normal preset is the suite's protocol, exactly.
    expect(preset('bmi')).toMatchObject(BMI_PROTOCOL);
  });
});

describe('option labels', () => {
  it('every option of every choice and list setting has a label of its own', () => {
    for (const spec of PARAMS) {
      if (spec.type !== 'choice' && spec.type !== 'list') continue;
      const labels = spec.options.map((o) => o.label);
      expect(
        labels.every((label) => label.length > 0),
        spec.key,
      ).toBe(true);
      expect(new Set(labels).size, spec.key).toBe(labels.length);
    }
  });
});

describe('URL hash: layers, columns and switches', () => {
  it('reads hidden as 1 to 3 widths (one number is one layer) and falls back on anything else', () => {
    expect(configFromHash('#hidden=16,8').config.hidden).toEqual([16, 8]);
    expect(configFromHash('#hidden=32').config.hidden).toEqual([32]);
    for (const bad of ['16,8,4,2', '16,,8', '16,x', '0', '+8', '300', '']) {
      const parsed = configFromHash(`#hidden=${bad}`);
      expect(parsed.config.hidden, bad).toEqual([10]);
      expect(parsed.notices.map(inEnglish)[0], bad).toMatch(/hidden=.* is invalid .*using the default 10/);
    }
    expect(configToHash({ ...DEFAULTS, hidden: [16, 8] })).toContain('&hidden=16,8&');
  });

  it('round-trips column names with commas, spaces and non-Latin letters, and refuses control characters', () => {
    const config: RunConfig = { ...DEFAULTS, dist: 'data', x: ['a,b', 'größe (cm)'], y: ['收入'] };
    const hash = configToHash(config);
    expect(hash).toContain('x=a%252Cb,');
    expect(configFromHash(hash).config).toEqual(config);
    const parsed = configFromHash(`#dist=data&x=${encodeURIComponent('bad\nname')}`);
    expect(parsed.config.x).toEqual([]);
    expect(parsed.notices.map(inEnglish)[0]).toMatch(/x=.* is invalid/);
    expect(configFromHash('#dist=data&x=a,a').notices.map(inEnglish)[0]).toMatch(/distinct/);
  });

  it('writes the finite-sample and early-stopping switches only when they are on', () => {
    expect(configToHash(DEFAULTS)).not.toMatch(/rows=|patience=|holdout=/);
    const hash = configToHash({ ...DEFAULTS, rows: 5000, patience: 2 });
    expect(hash).toMatch(/&patience=2&/);
    expect(hash).toMatch(/&rows=5000&holdout=0\.5&standardise=on&ksg-k=5&/);
    expect(configFromHash(hash).config).toMatchObject({ rows: 5000, patience: 2, holdout: 0.5 });
  });
});
