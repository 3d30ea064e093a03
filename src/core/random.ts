/**
 * Seeded pseudo-random numbers for sampling and initialisation.
 *
 * Everything random in a run flows from one explicit seed, so a run is reproducible on a given
 * backend; nothing here touches the global Math.random. Independent streams (one per training
 * step, say) come from `deriveSeed`, so any step's batch can be drawn on its own, in any worker.
 */

/** A seeded source of uniform, Gaussian and permutation randomness. */
export interface Rng {
  /** Next uniform float in [0, 1). */
  uniform(): number;
  /** Fills `out` with independent N(mean, std²) samples and returns it. */
  fillNormal(out: Float32Array, mean?: number, std?: number): Float32Array;
  /** A uniformly random permutation of 0..n-1 (Fisher–Yates). */
  permutation(n: number): Int32Array;
}

/** Mixes a 32-bit word into a well-spread one (splitmix32 finaliser). */
function mix32(seed: number): number {
  let z = (seed + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A seed for the independent stream named by `keys` (e.g. a purpose tag and a step index). */
export function deriveSeed(seed: number, ...keys: readonly number[]): number {
  let h = mix32(seed);
  for (const key of keys) h = mix32((h ^ Math.imul(key | 0, 0x27d4eb2d)) >>> 0);
  return h;
}

const TWO_PI = 2 * Math.PI;
const INV_2_32 = 1 / 4294967296;

/** Creates a seeded generator (xoshiro128**), independent streams for different seeds. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  let s0 = mix32(seed);
  let s1 = mix32(s0 ^ 0x6a09e667);
  let s2 = mix32(s1 ^ 0xbb67ae85);
  let s3 = mix32(s2 ^ 0x3c6ef372);
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  const uniform = (): number => nextUint32() * INV_2_32;

  return {
    uniform,
    fillNormal(out, mean = 0, std = 1) {
      // Box–Muller, two samples per pair of uniforms; 1 − u keeps log() away from 0. The generator's
      // state lives in locals for the loop (the same sequence as nextUint32, ~1.4× faster in V8).
      let a = s0;
      let b = s1;
      let c = s2;
      let d = s3;
      const length = out.length;
      for (let i = 0; i < length; i += 2) {
        let r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        let t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = (d << 11) | (d >>> 21);
        const u1 = r * INV_2_32;
        r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
        t = b << 9;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        d = (d << 11) | (d >>> 21);
        const u2 = r * INV_2_32;
        const radius = Math.sqrt(-2 * Math.log(1 - u1)) * std;
        const angle = TWO_PI * u2;
        out[i] = mean + radius * Math.cos(angle);
        if (i + 1 < length) out[i + 1] = mean + radius * Math.sin(angle);
      }
      s0 = a;
      s1 = b;
      s2 = c;
      s3 = d;
      return out;
    },
    permutation(n) {
      const perm = new Int32Array(n);
      for (let i = 0; i < n; i++) perm[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const tmp = perm[i];
        perm[i] = perm[j];
        perm[j] = tmp;
      }
      return perm;
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
