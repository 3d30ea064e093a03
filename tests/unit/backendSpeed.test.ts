import { describe, expect, it } from 'vitest';
import {
  cachedMeasurement,
  describeMeasurement,
  measuredChoice,
  parseSpeedCache,
  sizeClassOf,
  sizeClassRange,
  timingPlan,
  withMeasurement,
  type BackendTiming,
  type SpeedMeasurement,
  type WebglProbe,
  type WebgpuProbe,
} from '../../src/protocol/backendSpeed';
import { DEFAULTS, type RunConfig } from '../../src/protocol/config';
import { message, type Message } from '../../src/protocol/message';
import { inEnglish } from './inEnglish';

const gpu = (renderer: string | null): WebglProbe => ({ available: true, renderer, problem: null });
const noWebgl: WebglProbe = {
  available: false,
  renderer: null,
  problem: message('notices.backend.noOffscreenCanvas'),
};
const noWebgpu: WebgpuProbe = { available: false, adapter: null, fallback: false };
const timing = (
  backend: BackendTiming['backend'],
  stepsPerSecond: number | null,
  problem: Message | string | null = null,
) => ({
  backend,
  stepsPerSecond,
  problem: typeof problem === 'string' ? message('errors.detail', { detail: problem }) : problem,
});
const measured = (
  timings: BackendTiming[],
  sizeClass = 9,
  renderer: string | null = 'Apple GPU',
): SpeedMeasurement => ({
  sizeClass,
  timings,
  measuredAt: '2026-01-01T00:00:00.000Z',
  renderer,
});

describe('size classes', () => {
  it('buckets N·h·d by powers of four', () => {
    // The defaults: 20,000 · 10 · 3 = 600,000, in [4^9, 4^10) = [262,144, 1,048,576).
    const of = (settings: Partial<RunConfig>) => sizeClassOf({ ...DEFAULTS, ...settings });
    expect(of({})).toBe(9);
    expect(sizeClassRange(9)).toEqual([262_144, 1_048_576]);
    expect(of({ batch: 512 })).toBe(6); // 15,360
    expect(of({ batch: 512, dim: 20 })).toBe(8); // 102,400
    expect(of({ batch: 10, hidden: [1], dim: 1 })).toBe(1);
    expect(of({ batch: 16, hidden: [4], dim: 4 })).toBe(4); // exactly 4^4 = 256
    expect(of({ batch: 50_000, hidden: [256], dim: 20 })).toBe(13);
    // Layers add up; a config's class is worked out once.
    const deep = { ...DEFAULTS, hidden: [16, 8] };
    expect(sizeClassOf(deep)).toBe(10); // 20,000 · (16 + 8) · 3 = 1,440,000 ≥ 4^10
    expect(sizeClassOf(deep)).toBe(10);
  });
});

describe('which backends are timed', () => {
  it('times WebAssembly and a WebGL that claims a GPU, even one that may lie ("Apple GPU")', () => {
    expect(timingPlan(gpu('Apple GPU'), noWebgpu)).toEqual({ timed: ['wasm', 'webgl'], skipped: [] });
  });

  it('leaves out WebGL that admits to a software renderer, or is missing, and says why', () => {
    const swift = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)';
    expect(timingPlan(gpu(swift), noWebgpu)).toEqual({
      timed: ['wasm'],
      skipped: [timing('webgl', null, message('notices.backend.softwareRenderer', { renderer: swift }))],
    });
    expect(timingPlan(noWebgl, noWebgpu).skipped).toEqual([
      timing('webgl', null, message('notices.backend.noOffscreenCanvas')),
    ]);
  });

  it('times a hardware WebGPU adapter, never a fallback one', () => {
    const metal: WebgpuProbe = { available: true, adapter: 'apple metal-3', fallback: false };
    expect(timingPlan(noWebgl, metal).timed).toEqual(['wasm', 'webgpu']);
    const fallback: WebgpuProbe = { available: true, adapter: 'google swiftshader', fallback: true };
    expect(timingPlan(noWebgl, fallback).timed).toEqual(['wasm']);
    expect(timingPlan(noWebgl, { ...fallback, fallback: false }).timed).toEqual(['wasm']); // named SwiftShader
  });
});

describe('the measured choice', () => {
  it('picks the fastest backend and quotes both figures', () => {
    const wasm = measuredChoice(measured([timing('wasm', 2900), timing('webgl', 410)]));
    expect(wasm?.backend).toBe('wasm');
    expect(wasm?.reason).toEqual(
      message('notices.backend.measuredAgainst', {
        backend: message('notices.backend.name.wasm'),
        speed: 2900,
        others: message('notices.speeds.figure', {
          backend: message('notices.backend.name.webgl'),
          speed: 410,
        }),
      }),
    );
    expect(inEnglish(wasm?.reason ?? message('none'))).toBe(
      'WebAssembly: measured fastest on this machine at this size (2,900 steps/s; WebGL 410)',
    );
    const webgl = measuredChoice(measured([timing('wasm', 82), timing('webgl', 640)]));
    expect(webgl?.backend).toBe('webgl');
    expect(inEnglish(webgl?.reason ?? message('none'))).toBe(
      'WebGL: measured fastest on this machine at this size (640 steps/s; WebAssembly 82)',
    );
  });

  it('keeps WebAssembly unless another backend is at least 10% faster', () => {
    expect(measuredChoice(measured([timing('wasm', 100), timing('webgl', 109)]))?.backend).toBe('wasm');
    expect(measuredChoice(measured([timing('wasm', 100), timing('webgl', 111)]))?.backend).toBe('webgl');
  });

  it('ignores backends that could not be timed, and makes no choice from nothing', () => {
    expect(
      measuredChoice(measured([timing('wasm', 50), timing('webgl', null, 'could not start')]))?.backend,
    ).toBe('wasm');
    expect(measuredChoice(measured([timing('webgl', 30), timing('wasm', null, 'blocked')]))?.backend).toBe(
      'webgl',
    );
    expect(measuredChoice(measured([timing('wasm', null, 'blocked')]))).toBeNull();
  });

  it('lists three figures with commas', () => {
    const three = measured([timing('wasm', 100), timing('webgl', 500), timing('webgpu', 300)]);
    expect(inEnglish(measuredChoice(three)?.reason ?? message('none'))).toBe(
      'WebGL: measured fastest on this machine at this size (500 steps/s; WebAssembly 100, WebGPU 300)',
    );
    expect(inEnglish(describeMeasurement(three))).toBe(
      'WebAssembly 100 steps/s, WebGL 500, WebGPU 300 at this size, measured on this machine',
    );
  });

  it('reads as one sentence on the page', () => {
    expect(inEnglish(describeMeasurement(measured([timing('wasm', 2900), timing('webgl', 410)])))).toBe(
      'WebAssembly 2,900 steps/s, WebGL 410 at this size, measured on this machine',
    );
    expect(
      inEnglish(
        describeMeasurement(
          measured([
            timing('wasm', 3.25),
            timing('webgl', null, message('notices.backend.softwareRenderer', { renderer: 'llvmpipe' })),
          ]),
        ),
      ),
    ).toBe(
      'WebAssembly 3.3 steps/s at this size, measured on this machine (WebGL not timed: a software renderer (llvmpipe))',
    );
  });
});

describe('the timing cache', () => {
  it('round-trips measurements by size class and renderer', () => {
    const m9 = measured([timing('wasm', 250), timing('webgl', 17)], 9);
    const m6 = measured([timing('wasm', 2900), timing('webgl', 110)], 6);
    const cache = withMeasurement(withMeasurement({}, m9), m6);
    const parsed = parseSpeedCache(JSON.stringify(cache));
    expect(parsed).toEqual({ 9: m9, 6: m6 });
    expect(cachedMeasurement(parsed, 6, 'Apple GPU')).toEqual(m6);
    expect(cachedMeasurement(parsed, 7, 'Apple GPU')).toBeNull();
    // Another GPU (or none): the old figures do not apply.
    expect(cachedMeasurement(parsed, 6, 'NVIDIA GeForce RTX 3060')).toBeNull();
    const replaced = withMeasurement(parsed, { ...m6, timings: [timing('wasm', 3000)] });
    expect(replaced[6].timings).toEqual([timing('wasm', 3000)]);
  });

  it('treats anything unreadable as empty, and drops entries it cannot use', () => {
    for (const text of [null, '', 'not json', '[]', '42', 'null', '{"9": {"sizeClass": "9"}}'])
      expect(parseSpeedCache(text)).toEqual({});
    const good = measured([timing('wasm', 250)], 9);
    const mixed = {
      9: good,
      6: { ...good, sizeClass: 6, timings: [{ backend: 'cuda', stepsPerSecond: 1, problem: null }] },
      5: good,
    };
    expect(parseSpeedCache(JSON.stringify(mixed))).toEqual({ 9: good });
  });
});
