/** The app store's state: values and actions, shared by its slices. */
import type { BackendTiming, SpeedCache, TimedBackend } from '../protocol/backendSpeed';
import type { BackendPreference, ParamKey, RunConfig } from '../protocol/config';
import type { SweepKey } from '../protocol/sweeps';
import type { Language } from '../i18n/languages';
import type {
  BackendId,
  BackendReport,
  FromWorker,
  MeasuredBackend,
  RunInfoMessage,
  SnapshotMessage,
  ToWorker,
} from '../protocol/messages';
import type { DataActions, DataValues } from './dataTypes';
import type { LessonActions, LessonValues } from './lessonTypes';
import type { SuiteActions, SuiteValues } from './suiteSlice';
import type { GhostRun, Sweep } from './history';
import type { RunResults } from './runResults';

/** What the page shows as the run's state. */
export type RunState = 'idle' | 'running' | 'paused' | 'done' | 'error';

/** Starts training workers and carries messages to the current one. */
export interface WorkerHost {
  /**
   * Replaces any running worker with a fresh one on `backend` (trying `avoid` last; for `auto`,
   * `measured` first) and sends it its `init`; later messages go to it.
   */
  start(backend: BackendPreference, avoid: readonly BackendId[], measured: MeasuredBackend | null): void;
  send(message: ToWorker): void;
}

/** Times tfjs backends on this machine (worker/calibration.ts). */
export interface BackendTimer {
  /** Times each backend in turn at `config`'s size; rejects with an AbortError once `signal` aborts. */
  time(
    backends: readonly TimedBackend[],
    config: RunConfig,
    signal: AbortSignal,
  ): Promise<readonly BackendTiming[]>;
  /** Calls `callback` once the page is idle; returns a function that cancels it. */
  whenIdle(callback: () => void): () => void;
}

/** Where the backend timings are kept between visits (localStorage on the page). */
export interface SpeedStorage {
  load(): string | null;
  save(text: string): void;
}

/** Where early stopping ended an estimator's training: the step, and its best held-out estimate. */
export interface EarlyStop {
  /** 0-based step of the evaluation after which it stopped. */
  readonly stepIdx: number;
  readonly bestBits: number;
  readonly bestStepIdx: number;
}

/** Throughput and memory as the worker last reported them. */
export interface RunStats {
  /** Smoothed recent throughput. */
  readonly stepsPerSecond: number;
  /** Mean throughput of the whole run after its first step. */
  readonly runStepsPerSecond: number;
  readonly tensorCount: number;
  readonly tensorBytes: number;
  /** performance.now() when the run's first result arrived. */
  readonly firstStepAtMs: number;
}

/** The store's data. */
export interface RunValues {
  /** Settings as the controls show them. */
  readonly config: RunConfig;
  /** Settings of the run whose results are shown; null before the first run. */
  readonly runConfig: RunConfig | null;
  /** Id of the run whose results are accepted; messages for any other id are dropped. */
  readonly runId: number;
  readonly runState: RunState;
  readonly results: RunResults;
  /** Null before the run's first batch of results. */
  readonly stats: RunStats | null;
  /** The run's latest snapshot (a batch sample, the critic on a grid); null before the first. */
  readonly snapshot: SnapshotMessage | null;
  /** What the run trains on (dimensions, batch size, a finite sample's split); null until it starts. */
  readonly runInfo: RunInfoMessage | null;
  /** Per estimator of the run, where early stopping ended it (null while it trains on). */
  readonly earlyStops: readonly (EarlyStop | null)[];
  /** The worker's backend, once it has started; null while a worker starts. */
  readonly backend: BackendReport | null;
  /** Messages for the user (bad URL values, fallbacks, errors), oldest first. */
  readonly notices: readonly string[];
  /** performance.now() of the worker's latest message (a long silence while running is a slow step). */
  readonly lastWorkerMessageMs: number;
  /** A single step was asked of a paused run and its result has not arrived yet. */
  readonly awaitingSingleStep: boolean;
  /** Switches to a newly deployed version (reloading), once one is installed and waiting. */
  readonly applyUpdate: (() => void) | null;
  /** Earlier runs kept for comparison, newest first. */
  readonly ghosts: readonly GhostRun[];
  /** The sweep being prepared, run or shown; null when there is none. */
  readonly sweep: Sweep | null;
  /** Backend timings on this machine, by size class (from storage, and any measured since). */
  readonly speedCache: SpeedCache;
  /** Whether backends are being timed right now. */
  readonly timingBackends: boolean;
}

/** The store's operations. */
export interface RunActions {
  /** Starts the training worker on the configured backend (once the URL has been read). */
  connectWorker(): void;
  /** Changes one setting; restarts (debounced) a running or finished run, resets a paused one. */
  setParam<K extends ParamKey>(key: K, value: RunConfig[K]): void;
  /** Replaces the whole configuration (e.g. from the URL) and resets the run. */
  loadConfig(config: RunConfig, notices?: readonly string[]): void;
  /** Starts a fresh run with the current settings. */
  start(): void;
  pause(): void;
  resume(): void;
  /** Takes one training step, creating a paused run first when there is none. */
  stepOnce(): void;
  /** Discards the run and clears the plot. */
  reset(): void;
  /** Applies a message from the worker. */
  receive(message: FromWorker): void;
  /** Shows messages to the user. */
  addNotices(notices: readonly string[]): void;
  /** Removes the notice at `index`. */
  dismissNotice(index: number): void;
  /** Records that a new deployment is waiting, and how to switch to it. */
  offerUpdate(applyUpdate: () => void): void;
  /** Pins a ghost run (kept however many runs follow), or unpins it. */
  pinGhost(id: number): void;
  /** Removes every ghost run. */
  clearGhosts(): void;
  /** Sets up a sweep of one setting over `values`, from the current settings. */
  prepareSweep(key: SweepKey, values: readonly number[]): void;
  /** Runs the prepared sweep from its first value. */
  runSweep(): void;
  /** Stops a running sweep after the run in flight (its finished values stay). */
  stopSweep(): void;
  /** Forgets the sweep. */
  clearSweep(): void;
}

/** How the page is laid out and what it shows besides the run: the viewer's, not the run's. */
export interface PreferencesValues {
  /** Presentation mode: large type, thick lines, only the controls a lecture needs (`present=1`). */
  readonly presentation: boolean;
  /** Embed mode: the compact layout for an iframe in slides (`embed=1`). */
  readonly embed: boolean;
  /** Whether the keyboard-shortcut overlay is open. */
  readonly shortcutsOpen: boolean;
  /** Whether the explanation panel is expanded. */
  readonly explainerOpen: boolean;
  /** Which view the page shows: the lab, or the Beyond Normal suite (`view=suite`). */
  readonly view: 'lab' | 'suite';
  /** The page's language (`lang=`, else the browser's). */
  readonly language: Language;
}

/** Operations on the preferences. */
export interface PreferencesActions {
  /** Turns presentation mode on or off. */
  setPresentation(on: boolean): void;
  /** Turns embed mode on or off. */
  setEmbed(on: boolean): void;
  /** Opens or closes the keyboard-shortcut overlay. */
  setShortcutsOpen(open: boolean): void;
  /** Expands or collapses the explanation panel. */
  setExplainerOpen(open: boolean): void;
  /** Shows the lab or the suite. */
  setView(view: 'lab' | 'suite'): void;
  /** Shows the page in `language`. */
  setLanguage(language: Language): void;
}

/** Store state: the run's values and actions, the user's data, and the viewer's preferences. */
export type RunStoreState = RunValues &
  RunActions &
  DataValues &
  DataActions &
  LessonValues &
  LessonActions &
  SuiteValues &
  SuiteActions &
  PreferencesValues &
  PreferencesActions;

/** Options for timing that tests may shorten. */
export interface RunStoreOptions {
  /** Quiet time after the last slider move before a run restarts. */
  readonly restartDebounceMs: number;
  /** The page clock (performance.now), replaceable in tests. */
  readonly now?: () => number;
  /** Times the backends when the page is idle, for `auto`; without one, `auto` keeps its first guess. */
  readonly timer?: BackendTimer;
  /** Keeps the timings between visits. */
  readonly speedStorage?: SpeedStorage;
}
