import { useTranslation } from 'react-i18next';
import { describeMeasurement } from '../protocol/backendSpeed';
import { useRenderMessage } from '../i18n/useMessage';
import { currentMeasurement } from '../store/backendTimings';
import { useRun } from '../store/context';

/**
 * The backends' throughput as timed on this machine at the shown run's size ("WebAssembly 2,900
 * steps/s, WebGL 410 at this size, measured on this machine"), or that they are being timed.
 * `data-<backend>` carries each figure (empty when untimed).
 */
export function BackendSpeeds() {
  const render = useRenderMessage();
  const measurement = useRun(currentMeasurement);
  const timing = useRun((s) => s.timingBackends);
  const { t } = useTranslation();
  if (timing) {
    return (
      <p className="backend-speeds secondary" data-testid="backend-speeds" data-state="timing">
        {t('speeds.timing')}
      </p>
    );
  }
  if (!measurement) return null;
  const figures = Object.fromEntries(
    measurement.timings.map((t) => [`data-${t.backend}`, t.stepsPerSecond ?? '']),
  );
  return (
    <p
      className="backend-speeds secondary"
      data-testid="backend-speeds"
      data-state="measured"
      data-size-class={measurement.sizeClass}
      data-measured-at={measurement.measuredAt}
      {...figures}
    >
      {render(describeMeasurement(measurement))}
    </p>
  );
}
