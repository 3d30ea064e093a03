/**
 * The measured backend choice, as pure decisions: which backends to time on this machine, for which
 * size class of run, what the timings say to use, how they are cached and how they read on the page.
 * The page times each backend for a moment when it is idle (worker/calibration.ts), caches the
 * figures per size class, and `auto` starts later runs on the faster one (worker/backendChoice.ts).
 */
import { sourceDims, type RunConfig } from './config';
import { isStoredMessage, message, type Message } from './message';
import type { BackendId } from './messages';

/** Backends `auto` can choose between by measurement (the plain-JavaScript CPU backend never wins). */
export type TimedBackend = Extract<BackendId, 'wasm' | 'webgl' | 'webgpu'>;

/** What a worker found out about WebGL before loading any backend. */
export interface WebglProbe {
  /** Whether a WebGL context could be created in this worker. */
  readonly available: boolean;
  /** The (unmasked where allowed) renderer string, e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader …))". */
  readonly renderer: string | null;
  /** Why WebGL is unavailable, in words a user can act on; null when it is available. */
  readonly problem: Message | null;
}

/** What the page found out about WebGPU: an adapter's name, or why there is none to time. */
export interface WebgpuProbe {
  readonly available: boolean;
  /** The adapter's description, e.g. "apple metal-3 Apple M2"; null when unavailable. */
  readonly adapter: string | null;
  /** Whether the adapter says it is a software fallback. */
  readonly fallback: boolean;
}

/**
 * Renderers that draw on the CPU: SwiftShader (Chrome without a GPU, blocklisted GPUs, many VMs
 * and CI machines), Mesa's llvmpipe/softpipe/lavapipe, Microsoft's Basic Render Driver, Apple's and
 * others' "software" renderers. A renderer string can hide a software renderer (WebKit reports
 * "Apple GPU" whatever draws), but one that names a software renderer is never a GPU.
 */
const SOFTWARE_RENDERER =
  /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|microsoft basic|gdi generic|mesa offscreen/i;

/** Whether a WebGL renderer (or WebGPU adapter) string names a software (CPU) renderer. */
export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** A rough size of one step's work: N × (the hidden widths' sum) × (d_x + d_y). */
export function stepWork(config: RunConfig): number {
  const { xDim, yDim } = sourceDims(config);
  return config.batch * config.hidden.reduce((sum, h) => sum + h, 0) * (xDim + yDim);
}

const sizeClasses = new WeakMap<RunConfig, number>();

/**
 * A run's size class: ⌊log₄(N · h · d)⌋, with h · d = stepWork / 2N (h summed over the layers,
 * d the mean of d_x and d_y). Steps of runs in one class cost within a factor of about four of
 * each other, so one timing per class and backend is enough to choose between them. (Configs are
 * immutable: the class is worked out once for each.)
 */
export function sizeClassOf(config: RunConfig): number {
  let sizeClass = sizeClasses.get(config);
  if (sizeClass === undefined) {
    sizeClass = Math.floor(Math.log2(stepWork(config) / 2) / 2 + 1e-9);
    sizeClasses.set(config, sizeClass);
  }
  return sizeClass;
}

/** The range of N · h · d a size class covers, [low, high). */
export function sizeClassRange(sizeClass: number): readonly [number, number] {
  return [4 ** sizeClass, 4 ** (sizeClass + 1)];
}

/** One backend's timing, or why it has none. */
export interface BackendTiming {
  readonly backend: TimedBackend;
  /** Training steps per second after the first (warm-up) step; null when it could not be timed. */
  readonly stepsPerSecond: number | null;
  /** Why there is no timing (it could not start, a software renderer, …); null when timed. */
  readonly problem: Message | null;
}

/** The timings of one size class on this machine. */
export interface SpeedMeasurement {
  readonly sizeClass: number;
  readonly timings: readonly BackendTiming[];
  /** When it was measured (ISO 8601). */
  readonly measuredAt: string;
  /** The WebGL renderer then: a different GPU (or none) means measuring again. */
  readonly renderer: string | null;
}

/** Which backends to time, and the ones left out with the reason (the page says why). */
export interface TimingPlan {
  readonly timed: readonly TimedBackend[];
  readonly skipped: readonly BackendTiming[];
}

/**
 * The backends worth timing here: WebAssembly always; WebGL and WebGPU where they exist, unless
 * their renderer admits to being software (timing SwiftShader's WebGL costs 0.8–1.7 s of
 * shader compilation on one core here, and it was 9–25× slower than WebAssembly at every size).
 */
export function timingPlan(webgl: WebglProbe, webgpu: WebgpuProbe): TimingPlan {
  const timed: TimedBackend[] = ['wasm'];
  const skipped: BackendTiming[] = [];
  const skip = (backend: TimedBackend, problem: Message) =>
    skipped.push({ backend, stepsPerSecond: null, problem });
  if (!webgl.available) skip('webgl', webgl.problem ?? message('notices.backend.noWebgl'));
  else if (webgl.renderer && isSoftwareRenderer(webgl.renderer))
    skip('webgl', message('notices.backend.softwareRenderer', { renderer: webgl.renderer }));
  else timed.push('webgl');
  if (webgpu.available && webgpu.adapter !== null) {
    if (webgpu.fallback || isSoftwareRenderer(webgpu.adapter))
      skip('webgpu', message('notices.backend.softwareAdapter', { adapter: webgpu.adapter }));
    else timed.push('webgpu');
  }
  return { timed, skipped };
}

/** How much faster another backend must measure before `auto` leaves WebAssembly for it. */
export const SWITCH_MARGIN = 1.1;

/** The name the page uses for a backend ("WebAssembly", "the CPU backend"). */
export function backendName(id: BackendId): Message {
  return message(`notices.backend.name.${id}`);
}

/** A throughput as the page shows it, rounded: 2,900, 41, 3.3 (the catalogue adds the separators). */
function roundedSpeed(stepsPerSecond: number): number {
  return stepsPerSecond >= 10 ? Math.round(stepsPerSecond) : Math.round(10 * stepsPerSecond) / 10;
}

/** Messages one after another, joined by the catalogue's comma ("A, B, C"). */
function commaList(items: readonly Message[]): Message {
  return items.reduce((list, next) => message('notices.speeds.comma', { list, next }));
}

/** "WebGL 410": a backend and its throughput. */
function figure(t: BackendTiming, withUnit = false): Message {
  return message(withUnit ? 'notices.speeds.figureWithUnit' : 'notices.speeds.figure', {
    backend: backendName(t.backend),
    speed: roundedSpeed(t.stepsPerSecond ?? 0),
  });
}

/** The backend a measurement says to train on, and why; null when nothing was timed. */
export function measuredChoice(
  measurement: SpeedMeasurement,
): { backend: TimedBackend; reason: Message } | null {
  const timed = measurement.timings.filter(
    (t): t is BackendTiming & { stepsPerSecond: number } => t.stepsPerSecond !== null && t.stepsPerSecond > 0,
  );
  if (timed.length === 0) return null;
  const wasm = timed.find((t) => t.backend === 'wasm');
  const fastest = timed.reduce((best, t) => (t.stepsPerSecond > best.stepsPerSecond ? t : best));
  // WebAssembly stays unless another backend is clearly faster: a near tie is noise, and on
  // WebAssembly a seed gives the same numbers in every browser.
  const winner = wasm && fastest.stepsPerSecond < SWITCH_MARGIN * wasm.stepsPerSecond ? wasm : fastest;
  const others = timed.filter((t) => t !== winner);
  const values = { backend: backendName(winner.backend), speed: roundedSpeed(winner.stepsPerSecond) };
  return {
    backend: winner.backend,
    reason: others.length
      ? message('notices.backend.measuredAgainst', {
          ...values,
          others: commaList(others.map((t) => figure(t))),
        })
      : message('notices.backend.measured', values),
  };
}

/** The measurement in a sentence: "WebAssembly 2,900 steps/s, WebGL 410 at this size, measured on this machine". */
export function describeMeasurement(measurement: SpeedMeasurement): Message {
  const figures = measurement.timings
    .filter((t) => t.stepsPerSecond !== null)
    .map((t, i) => figure(t, i === 0));
  const untimed = measurement.timings
    .filter((t) => t.stepsPerSecond === null)
    .map((t) =>
      message('notices.speeds.untimed', {
        backend: backendName(t.backend),
        problem: t.problem ?? message('notices.speeds.unavailable'),
      }),
    );
  const head = figures.length
    ? message('notices.speeds.measured', { figures: commaList(figures) })
    : message('notices.speeds.none');
  return untimed.length ? message('notices.speeds.withUntimed', { head, untimed }) : head;
}

/** Where measurements are kept (localStorage), one per size class. */
export const SPEED_CACHE_KEY = 'mine-lab:backend-speeds:v1';

/** The cache's content: measurements by size class. */
export type SpeedCache = Readonly<Record<string, SpeedMeasurement>>;

const TIMED: readonly string[] = ['wasm', 'webgl', 'webgpu'];

/** Whether a parsed value is a measurement this version can use. */
function isMeasurement(value: unknown): value is SpeedMeasurement {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    Number.isInteger(m.sizeClass) &&
    typeof m.measuredAt === 'string' &&
    (m.renderer === null || typeof m.renderer === 'string') &&
    Array.isArray(m.timings) &&
    m.timings.every(
      (t: unknown) =>
        typeof t === 'object' &&
        t !== null &&
        TIMED.includes((t as BackendTiming).backend) &&
        ((t as BackendTiming).stepsPerSecond === null ||
          (typeof (t as BackendTiming).stepsPerSecond === 'number' &&
            Number.isFinite((t as BackendTiming).stepsPerSecond))) &&
        ((t as BackendTiming).problem === null || isStoredMessage((t as BackendTiming).problem)),
    )
  );
}

/** The cache from its stored text; anything unreadable counts as empty (it is only a cache). */
export function parseSpeedCache(text: string | null): SpeedCache {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(([key, m]) => isMeasurement(m) && String(m.sizeClass) === key),
    );
  } catch {
    return {};
  }
}

/** The cache with `measurement` added (replacing its size class's earlier one). */
export function withMeasurement(cache: SpeedCache, measurement: SpeedMeasurement): SpeedCache {
  return { ...cache, [String(measurement.sizeClass)]: measurement };
}

/** The cached measurement for a size class, if it was taken with the same WebGL renderer. */
export function cachedMeasurement(
  cache: SpeedCache,
  sizeClass: number,
  renderer: string | null,
): SpeedMeasurement | null {
  const measurement = cache[String(sizeClass)];
  return measurement && measurement.renderer === renderer ? measurement : null;
}
