import { describe, expect, it } from 'vitest';
import { message } from '../../src/protocol/message';
import { isSoftwareRenderer, planBackends, type WebglProbe } from '../../src/worker/backendChoice';
import { inEnglish } from './inEnglish';

const gpu = (renderer: string | null): WebglProbe => ({ available: true, renderer, problem: null });
const noWebgl: WebglProbe = {
  available: false,
  renderer: null,
  problem: message('notices.backend.webglRefused'),
};

describe('backend choice', () => {
  it.each([
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'Mesa/X.org, llvmpipe (LLVM 12.0.0, 256 bits)',
    'softpipe',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple Software Renderer',
    'GDI Generic',
  ])('treats "%s" as a software renderer and trains on WebAssembly', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(true);
    const plan = planBackends('auto', gpu(renderer));
    expect(plan.order[0]).toBe('wasm');
    expect(plan.reason).toEqual(message('notices.backend.softwareWebgl', { renderer }));
    expect(inEnglish(plan.reason)).toContain('software renderer');
    expect(inEnglish(plan.reason)).toContain(renderer);
  });

  it.each([
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)',
    'Mali-G78',
    'AMD Radeon Pro 5500M OpenGL Engine',
  ])('trains on WebGL on the hardware GPU "%s"', (renderer) => {
    expect(isSoftwareRenderer(renderer)).toBe(false);
    const plan = planBackends('auto', gpu(renderer));
    expect(plan.order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(inEnglish(plan.reason)).toBe(`WebGL on the GPU (${renderer}), until both are timed here`);
  });

  it('uses WebAssembly, then the CPU, where there is no WebGL, and says why', () => {
    const plan = planBackends('auto', noWebgl);
    expect(plan.order).toEqual(['wasm', 'cpu']);
    expect(inEnglish(plan.reason)).toBe(
      'WebAssembly: no WebGL here (the browser refused to create a WebGL context (GPU or WebGL disabled, or blocklisted))',
    );
  });

  it('puts the backend timed fastest here first, for auto only', () => {
    const measured = {
      backend: 'wasm',
      reason: message('notices.backend.measured', { backend: 'WebAssembly', speed: 2900 }),
      renderer: 'Apple GPU',
    } as const;
    expect(planBackends('auto', gpu('Apple GPU'), measured)).toEqual({
      order: ['wasm', 'webgl', 'cpu'],
      reason: measured.reason,
    });
    const webgl = { ...measured, backend: 'webgl' } as const;
    expect(planBackends('auto', gpu('SwiftShader'), webgl).order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends('auto', noWebgl, { ...measured, backend: 'webgpu' }).order).toEqual([
      'webgpu',
      'wasm',
      'cpu',
    ]);
    // An override still wins over any measurement.
    expect(planBackends('cpu', gpu('Apple GPU'), measured).order).toEqual(['cpu', 'webgl', 'wasm']);
  });

  it('tries an override first, then the automatic order; WebGPU only when asked for', () => {
    expect(planBackends('webgl', gpu('SwiftShader')).order).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends('cpu', gpu('Apple M2')).order).toEqual(['cpu', 'webgl', 'wasm']);
    expect(planBackends('webgpu', noWebgl).order).toEqual(['webgpu', 'wasm', 'cpu']);
    expect(inEnglish(planBackends('wasm', gpu('Apple M2')).reason)).toBe('wasm: chosen in the settings');
    for (const probe of [gpu('Apple M2'), gpu('SwiftShader'), noWebgl]) {
      expect(planBackends('auto', probe).order).not.toContain('webgpu');
    }
  });
});
