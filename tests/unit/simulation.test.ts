import { describe, expect, it } from 'vitest';
import { parseSimulation } from '../../src/protocol/simulation';

describe('test-build simulation', () => {
  it('reads a claimed renderer and a slow backend from the page address', () => {
    expect(parseSimulation('?simulate-renderer=Apple%20GPU&simulate-slow=wasm:30')).toEqual({
      renderer: 'Apple GPU',
      slow: { backend: 'wasm', msPerStep: 30 },
    });
    expect(parseSimulation('?simulate-slow=webgl:2.5')).toEqual({
      renderer: null,
      slow: { backend: 'webgl', msPerStep: 2.5 },
    });
  });

  it('asks for nothing without its parameters, and ignores nonsense', () => {
    expect(parseSimulation('')).toBeNull();
    expect(parseSimulation('?other=1')).toBeNull();
    expect(parseSimulation('?simulate-slow=cuda:30')).toBeNull();
    expect(parseSimulation('?simulate-slow=wasm:0')).toBeNull();
    expect(parseSimulation('?simulate-slow=wasm')).toBeNull();
    expect(parseSimulation('?simulate-renderer=')).toBeNull();
  });

  it('is off outside test builds', () => {
    expect(__TEST_HOOKS__).toBe(false);
  });
});
