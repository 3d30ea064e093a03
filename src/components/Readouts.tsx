import { trueMiBits } from '../protocol/config';
import { useRun } from '../store/context';
import { formatBits } from './format';

/** One labelled number; `data-value` carries it at full precision for tests and scripts. */
function Readout(props: {
  label: string;
  testId: string;
  value: number | string | null;
  text: string;
  title?: string;
}) {
  return (
    <div className="readout" title={props.title}>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId} data-value={props.value ?? ''}>
        {props.text}
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
    <dl className="readouts">
      <Readout
        label="True MI"
        testId="true-mi"
        value={trueBits}
        text={formatBits(trueBits)}
        title="d/2 · log2(1 + P/σ²)"
      />
      <Readout
        label="Estimate (smoothed)"
        testId="estimate"
        value={estimateBits}
        text={formatBits(estimateBits)}
        title="Exponential moving average of the per-step DV bound"
      />
      <Readout label="Step" testId="step" value={stepsDone} text={`${stepsDone} / ${totalSteps}`} />
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
      {backend?.gpuRenderer && (
        <div className="readout wide">
          <dt>GPU renderer</dt>
          <dd data-testid="gpu-renderer">{backend.gpuRenderer}</dd>
        </div>
      )}
    </dl>
  );
}
