import { useTranslation } from 'react-i18next';
import { inUnits, trainsOnFiniteSample, trueMiBits } from '../protocol/config';
import { distKey, estimatorKey, unitsKey } from '../protocol/paramText';
import { dataTruthBits } from './plot/plotExtras';
import { FiniteReadouts } from './FiniteReadouts';
import { useRenderMessage } from '../i18n/useMessage';
import { useRun } from '../store/context';
import type { RunResults } from '../store/runResults';
import { BackendSpeeds } from './BackendSpeeds';
import { formatInformation } from './format';
import { ESTIMATOR_COLORS } from './plot/colors';

/** One labelled number; `data-value` carries it at full precision (information in bits). */
function Readout(props: {
  label: string;
  testId: string;
  value: number | string | null;
  text: string;
  /** Smaller text after the value, e.g. "/ 500" after a step count. */
  suffix?: string;
  title?: string;
  /** Further data- attributes for tests and scripts. */
  data?: Readonly<Record<string, string | number | undefined>>;
  /** A detail that presentation and embed modes leave out. */
  secondary?: boolean;
}) {
  const extra = Object.fromEntries(Object.entries(props.data ?? {}).map(([k, v]) => [`data-${k}`, v ?? '']));
  return (
    <div className={props.secondary ? 'readout secondary' : 'readout'} title={props.title}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-value={props.value ?? ''} {...extra}>
        <span className="value">{props.text}</span>
        {props.suffix && <span className="suffix">{props.suffix}</span>}
      </dd>
    </div>
  );
}

/** The latest smoothed estimate of estimator `e`, in bits, or null before any step. */
function latestSmoothed(results: RunResults, e: number): number | null {
  const series = results.series[e];
  if (!series) return null;
  // A diverged estimator keeps its last finite value; its later steps are gaps.
  for (let i = series.length - 1; i >= 0; i--)
    if (Number.isFinite(series.smoothedBits[i])) return series.smoothedBits[i];
  return null;
}

/** Which readouts to show: all of them, the headline three (true MI, estimate, step), or the rest. */
export type ReadoutsPart = 'all' | 'headline' | 'details';

/**
 * Run state, progress, throughput, backend, true MI and the current smoothed estimate(s). The phone
 * layout shows the headline three beside the plot and the details below it (`part`).
 */
export function Readouts({ part = 'all' }: { part?: ReadoutsPart }) {
  const config = useRun((s) => s.config);
  const runConfig = useRun((s) => s.runConfig);
  const runState = useRun((s) => s.runState);
  const results = useRun((s) => s.results);
  const stats = useRun((s) => s.stats);
  const backend = useRun((s) => s.backend);
  const render = useRenderMessage();
  const backendReason = backend ? render(backend.reason) : undefined;
  const shown = runConfig ?? config;
  const { units } = config;
  const stepsDone = results.length;
  const dataTruth = useRun((s) => dataTruthBits(s));
  const earlyStops = useRun((s) => s.earlyStops);
  const trueBits = shown.dist === 'data' ? dataTruth : trueMiBits(shown, Math.max(0, stepsDone - 1));
  const finite = trainsOnFiniteSample(shown);
  const firstEstimate = latestSmoothed(results, 0);
  const compare = results.estimators.length > 1;
  const headline = part !== 'details';
  const details = part !== 'headline';
  const { t } = useTranslation();
  const unit = t(unitsKey(units));

  return (
    <div className={part === 'all' ? undefined : `readouts-${part}`}>
      <dl className="readouts">
        {headline && (
          <>
            <Readout
              label={t('readouts.trueMi', { units: unit })}
              testId="true-mi"
              value={Number.isFinite(trueBits) ? trueBits : null}
              text={formatInformation(inUnits(trueBits, units))}
              title={Number.isFinite(trueBits) ? t('readouts.trueMiKnown') : t('readouts.trueMiUnknown')}
            />
            <Readout
              label={
                compare
                  ? t('readouts.withUnits', { name: t(estimatorKey(results.estimators[0])), units: unit })
                  : finite
                    ? t('readouts.onTraining', { units: unit })
                    : t('readouts.estimate', { units: unit })
              }
              testId="estimate"
              value={firstEstimate}
              text={formatInformation(firstEstimate === null ? null : inUnits(firstEstimate, units))}
              title={finite ? t('readouts.onTrainingTitle') : t('readouts.estimateTitle')}
            />
            {finite && <FiniteReadouts />}
            <Readout
              label={t('readouts.step')}
              testId="step"
              value={stepsDone}
              text={String(stepsDone)}
              suffix={`/\u202f${shown.steps}`}
              data={{ 'first-step-ms': stats?.firstStepAtMs.toFixed(1) }}
            />
          </>
        )}
        {details && (
          <>
            <Readout
              label={t('readouts.stepsPerSecond')}
              testId="steps-per-second"
              value={stats?.stepsPerSecond ?? null}
              text={stats ? stats.stepsPerSecond.toFixed(1) : '—'}
              data={{ 'run-average': stats?.runStepsPerSecond }}
              title={t('readouts.stepsPerSecondTitle')}
              secondary
            />
            <Readout
              label={t('readouts.state')}
              testId="run-state"
              value={runState}
              text={t(`readouts.states.${runState}`)}
              secondary
            />
            <Readout
              label={t('readouts.backend')}
              testId="backend"
              value={backend?.backend ?? null}
              text={backend?.backend ?? t('readouts.starting')}
              title={backendReason}
              data={{
                reason: backendReason,
                'adam-epsilon': backend?.adamEpsilon,
                'float-bits': backend?.floatBits,
              }}
              secondary
            />
          </>
        )}
      </dl>
      {details && compare && (
        <dl className="readouts estimator-readouts" aria-label={t('readouts.perEstimator')}>
          {results.estimators.map((id, e) => {
            const value = latestSmoothed(results, e);
            return (
              <div className="readout" key={id}>
                <dt>
                  <span className="swatch" style={{ background: ESTIMATOR_COLORS[id] }} aria-hidden="true" />{' '}
                  {t(estimatorKey(id))}
                </dt>
                <dd
                  data-testid={`estimate-${id}`}
                  data-value={value ?? ''}
                  data-diverged={
                    results.firstNonFiniteIdx[e] >= 0 ? results.firstNonFiniteIdx[e] + 1 : undefined
                  }
                >
                  <span className="value">
                    {earlyStops[e]
                      ? t('readouts.stoppedAt', { step: (earlyStops[e]?.stepIdx ?? 0) + 1 })
                      : results.firstNonFiniteIdx[e] >= 0
                        ? t('readouts.diverged')
                        : formatInformation(value === null ? null : inUnits(value, units))}
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {details && (
        <p className="backend-line secondary">
          <span data-testid="estimator" data-value={shown.estimator.join(',')}>
            {shown.estimator.map((id) => t(estimatorKey(id))).join(' · ')}
          </span>{' '}
          {t('readouts.on')}{' '}
          <span data-testid="distribution" data-value={shown.dist}>
            {t(distKey(shown.dist))}
          </span>
          {backend && (
            <>
              {' '}
              · <span data-testid="backend-reason">{backendReason}</span>
              {backend.gpuRenderer && (
                <>
                  {' '}
                  ·{' '}
                  <span data-testid="gpu-renderer" translate="no">
                    {backend.gpuRenderer}
                  </span>
                </>
              )}
            </>
          )}
          {stats && (
            <>
              {' '}
              ·{' '}
              <span data-testid="tensor-count" data-value={stats.tensorCount} data-bytes={stats.tensorBytes}>
                {t('readouts.tensors', { count: stats.tensorCount })}
              </span>
            </>
          )}
        </p>
      )}
      {details && <BackendSpeeds />}
    </div>
  );
}
