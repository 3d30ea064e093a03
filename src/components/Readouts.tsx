import { trueMiBits } from '../protocol/config';
import { useRun } from '../store/context';
import { formatBits } from './format';

/** One labelled number; `data-value` carries it at full precision for tests and scripts. */
function Readout(props: {
  label: string;
  testId: string;
  value: number | string | null;
  text: string;
  /** Smaller text after the value, e.g. "/ 500" after a step count. */
  suffix?: string;
  title?: string;
}) {
  return (
    <div className="readout" title={props.title}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-value={props.value ?? ''}>
        <span className="value">{props.text}</span>
        {props.suffix && <span className="suffix">{props.suffix}</span>}
      </dd>
    </div>
  );
}

/** Run state, progress, throughput, backend, true MI and the current smoothed estimate. */
export function Readouts() {
  const config = useRun((s) => s.config);
  const runState = useRun((s) => s.runState);
  const stepsDone = useRun((s) => s.series.length);
  const totalSteps = useRun((s) => (s.runConfig ?? s.config).steps);
  const estimateBits = useRun((s) =>
    s.series.length > 0 ? s.series.smoothedBits[s.series.length - 1] : null,
  );
  const stepsPerSecond = useRun((s) => s.stepsPerSecond);
  const backend = useRun((s) => s.backend);
  const trueBits = trueMiBits(config);

  return (
    <div>
      <dl className="readouts">
        <Readout
          label="True MI (bits)"
          testId="true-mi"
          value={trueBits}
          text={formatBits(trueBits)}
          title="d/2 · log2(1 + P/σ²)"
        />
        <Readout
          label="Estimate (bits)"
          testId="estimate"
          value={estimateBits}
          text={formatBits(estimateBits)}
          title="Exponential moving average of the per-step DV bound"
        />
        <Readout
          label="Step"
          testId="step"
          value={stepsDone}
          text={String(stepsDone)}
          suffix={`/\u202f${totalSteps}`}
        />
        <Readout
          label="Steps / s"
          testId="steps-per-second"
          value={stepsPerSecond}
          text={stepsPerSecond === null ? '—' : stepsPerSecond.toFixed(1)}
        />
        <Readout label="State" testId="run-state" value={runState} text={runState} />
        <Readout
          label="Backend"
          testId="backend"
          value={backend?.backend ?? null}
          text={backend?.backend ?? 'starting…'}
          title={backend?.gpuRenderer ?? undefined}
        />
      </dl>
      {backend?.gpuRenderer && (
        <dl className="renderer">
          <dt>GPU renderer</dt>
          <dd data-testid="gpu-renderer">{backend.gpuRenderer}</dd>
        </dl>
      )}
    </div>
  );
}
