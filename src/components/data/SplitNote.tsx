import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/context';

/**
 * How the rows are used: trained on, held out, and the batch size (clamped to the training rows,
 * which the page says), with why the held-out estimate is the one to believe.
 */
export function SplitNote() {
  const info = useRun((s) => s.runInfo);
  const batch = useRun((s) => s.runConfig?.batch ?? s.config.batch);
  const finite = info?.finite;
  const { t } = useTranslation();
  return (
    <p className="param-hint split-note" data-testid="split-note">
      {finite
        ? t(info.batchSize < batch ? 'data.split.clamped' : 'data.split.batches', {
            train: finite.trainRows,
            heldOut: finite.heldOutRows,
            batch: info.batchSize,
          })
        : t('data.split.pending')}{' '}
      {t('data.split.why')}
    </p>
  );
}
