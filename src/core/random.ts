/**
 * Seeded pseudo-random numbers for sampling and initialisation.
 *
 * Everything random in a run flows from one explicit seed, so a run is reproducible on a given
 * backend; nothing here touches the global Math.random. Independent streams (one per training
 * step, say) come from `deriveSeed`, so any step's batch can be drawn on its own, in any worker.
 */

/** A seeded source of uniform, Gaussian and permutation randomness. */
export interface Rng {
  /** Next raw 32-bit output of the generator, as an unsigned integer. */
  uint32(): number;
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

const INV_2_32 = 1 / 4294967296;
const INV_2_24 = 1 / 16777216;

/**
 * The ziggurat of Marsaglia & Tsang (2000) for the standard normal, 128 layers, in Doornik's
 * (2005) formulation: layer i covers |z| < ZIG_X[i]; its part below ZIG_X[i + 1] lies wholly under
 * the density, so ~99% of draws cost one 32-bit number and a multiply (Box–Muller needs a log, a
 * square root, a cosine and a sine per pair).
 */
const ZIG_LAYERS = 128;
const ZIG_TAIL = 3.442619855899; // R: where the base layer's tail begins
const ZIG_AREA = 9.91256303526217e-3; // area of every layer
const density = (x: number) => Math.exp(-0.5 * x * x);
const ZIG_X = new Float64Array(ZIG_LAYERS + 1);
const ZIG_F = new Float64Array(ZIG_LAYERS + 1);
ZIG_X[0] = ZIG_AREA / density(ZIG_TAIL);
ZIG_X[1] = ZIG_TAIL;
for (let i = 1; i < ZIG_LAYERS - 1; i++) {
  ZIG_X[i + 1] = Math.sqrt(-2 * Math.log(ZIG_AREA / ZIG_X[i] + density(ZIG_X[i])));
}
ZIG_X[ZIG_LAYERS] = 0;
for (let i = 0; i <= ZIG_LAYERS; i++) ZIG_F[i] = density(ZIG_X[i]);
/** Fraction of layer i that lies wholly under the density (accepted at once). */
const ZIG_RATIO = Float64Array.from({ length: ZIG_LAYERS }, (_, i) => ZIG_X[i + 1] / ZIG_X[i]);

/** xoshiro128** state: four 32-bit words. */
type State = Int32Array;

/** Advances `state` and returns the next 32-bit output (xoshiro128**). */
function nextUint32(state: State): number {
  const s1 = state[1];
  const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
  const t = s1 << 9;
  state[2] ^= state[0];
  state[3] ^= s1;
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotl(state[3], 11);
  return result;
}

function uniformFrom(state: State): number {
  return nextUint32(state) * INV_2_32;
}

/** Marsaglia's tail method for |z| beyond R: exponential proposals accepted under the normal tail. */
function tailMagnitude(state: State): number {
  for (;;) {
    const x = -Math.log(1 - uniformFrom(state)) / ZIG_TAIL;
    const y = -Math.log(1 - uniformFrom(state));
    if (y + y >= x * x) return ZIG_TAIL + x;
  }
}

/**
 * The ziggurat's rare cases for a draw in `layer` at position `u` that fell outside its layer's
 * rectangle: the tail beyond R (layer 0), or a wedge test. A rejected draw starts again with a
 * fresh layer and position, which go through the same rectangle test as a first draw (in layer 0
 * too: most of it lies inside R, and only the rest is the tail). Returns |z|.
 */
function slowMagnitude(state: State, firstLayer: number, firstU: number): number {
  let layer = firstLayer;
  let u = firstU;
  for (;;) {
    const z = u * ZIG_X[layer];
    if (u < ZIG_RATIO[layer]) return z;
    if (layer === 0) return tailMagnitude(state);
    const y = ZIG_F[layer] + uniformFrom(state) * (ZIG_F[layer + 1] - ZIG_F[layer]);
    if (y < density(z)) return z;
    const r = nextUint32(state);
    layer = r & 127;
    u = (r >>> 8) * INV_2_24;
  }
}

/**
 * Fills `out` with N(mean, std²) samples by the ziggurat. The hot loop is a plain module-level
 * function with the state in locals and no call inside: a draw outside its layer's rectangle (~1%)
 * only records where it was, and is finished after the loop. (Chrome's JIT compiled the loop 6×
 * more slowly with the rare call inline.) The sign is applied by multiplication, not by a branch
 * that would mispredict half the time.
 */
function fillNormalFrom(state: State, out: Float32Array, mean: number, std: number): Float32Array {
  let a = state[0];
  let b = state[1];
  let c = state[2];
  let d = state[3];
  const length = out.length;
  let rejected: number[] | null = null;
  for (let i = 0; i < length; i++) {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    // 7 bits pick the layer, 1 the sign, 24 the position within the layer.
    const layer = r & 127;
    const u = (r >>> 8) * INV_2_24;
    if (u < ZIG_RATIO[layer]) {
      // Bit 7 set → −1, clear → +1.
      out[i] = mean + std * u * ZIG_X[layer] * (1 - ((r >>> 6) & 2));
    } else {
      (rejected ??= []).push(i, r);
    }
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  if (rejected) {
    for (let j = 0; j < rejected.length; j += 2) {
      const r = rejected[j + 1];
      const z = slowMagnitude(state, r & 127, (r >>> 8) * INV_2_24);
      out[rejected[j]] = mean + std * z * (1 - ((r >>> 6) & 2));
    }
  }
  return out;
}

/** Creates a seeded generator (xoshiro128**), independent streams for different seeds. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const s0 = mix32(seed);
  const s1 = mix32(s0 ^ 0x6a09e667);
  const s2 = mix32(s1 ^ 0xbb67ae85);
  const s3 = mix32(s2 ^ 0x3c6ef372);
  return rngFromState([(s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3]);
}

/**
 * A generator started from a raw xoshiro128** state of four 32-bit words (not all zero), as the
 * reference C implementation takes it; `createRng` derives the state from a seed.
 */
export function rngFromState(words: readonly [number, number, number, number]): Rng {
  if (words.every((w) => w >>> 0 === 0)) throw new Error('the xoshiro128** state must not be all zero');
  const state: State = Int32Array.from(words, (w) => w | 0);
  return {
    uint32: () => nextUint32(state),
    uniform: () => uniformFrom(state),
    fillNormal: (out, mean = 0, std = 1) => fillNormalFrom(state, out, mean, std),
    permutation(n) {
      const perm = new Int32Array(n);
      for (let i = 0; i < n; i++) perm[i] = i;
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(uniformFrom(state) * (i + 1));
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
