import { suiteCellCount } from '../../protocol/suiteRun';
import { useRun, useRunStoreApi } from '../../store/context';

/** Run the suite (its unfinished cells) or Cancel it; and the protocol every cell follows, in words. */
export function SuiteRunControls() {
  const definition = useRun((s) => s.suiteDefinition);
  const state = useRun((s) => s.suiteState);
  const finished = useRun((s) => s.suiteResults.length);
  const left = suiteCellCount(definition) - finished;
  const { runSuite, cancelSuite } = useRunStoreApi().getState();
  const running = state === 'running';
  return (
    <>
      <div className="run-controls">
        <button
          type="button"
          className="primary"
          data-testid="suite-run"
          disabled={running || left <= 0}
          onClick={() => void runSuite()}
        >
          {left <= 0 && finished > 0
            ? 'Every cell is finished'
            : finished > 0
              ? `Run the ${left} cells left`
              : 'Run the suite'}
        </button>
        <button type="button" data-testid="suite-cancel" disabled={!running} onClick={cancelSuite}>
          Cancel
        </button>
      </div>
      <p className="param-hint">
        bmi’s neural protocol: each sample is standardised and split 50/50; the critic (hidden layers 16, 8)
        trains on batches of 256 with Adam at 0.1 for up to 10,000 steps, is tested on the held-out half every
        250 steps, and stops once two tests in a row found nothing better. The reported value is the{' '}
        <strong>best test estimate</strong> (the final one is in the CSV). KSG (k = 5) and the linear MI are
        computed on the whole sample. A cell is solved when the estimate is within a factor 1.5 of the truth,
        as in the paper.
      </p>
    </>
  );
}
