import { formatCount } from '../../core/data/table';
import { useRun } from '../../store/context';

/**
 * How the rows are used: trained on, held out, and the batch size (clamped to the training rows,
 * which the page says), with why the held-out estimate is the one to believe.
 */
export function SplitNote() {
  const info = useRun((s) => s.runInfo);
  const batch = useRun((s) => s.runConfig?.batch ?? s.config.batch);
  const finite = info?.finite;
  return (
    <p className="param-hint split-note" data-testid="split-note">
      {finite
        ? `Training on ${formatCount(finite.trainRows)} rows, ${formatCount(finite.heldOutRows)} held out (split once, seeded)` +
          (info.batchSize < batch
            ? `; the batch size is clamped to the ${formatCount(info.batchSize)} training rows.`
            : `; batches of ${formatCount(info.batchSize)}.`)
        : 'The rows are split once (seeded) into training and held-out rows when a run starts.'}{' '}
      An estimate on training batches is optimistic: the critic has seen those rows and fits their quirks. The
      held-out rows, never trained on, give the honest number.
    </p>
  );
}
