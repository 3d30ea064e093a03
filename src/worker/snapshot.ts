/** Snapshots of a run for the page: a sample of the current batch and, for 1 + 1 dimensions, the critics on a grid. */
import type { CriticBatch } from '../core/batches';
import type { Trainer } from '../core/trainer';
import type { RunConfig } from '../protocol/config';
import type { SnapshotMessage } from '../protocol/messages';
import {
  CRITIC_GRID_SIZE,
  criticGridRange,
  criticGridRows,
  gridRangeFromSettings,
  gridRangeOfBatch,
  scatterOfBatch,
} from '../protocol/snapshot';

/** Milliseconds between snapshots while a run trains: a modest rate, the plot matters more. */
export const SNAPSHOT_INTERVAL_MS = 800;

/** Builds a snapshot of `trainer` after its latest step on `batch` (scoring the grid reads back once). */
export async function takeSnapshot(
  runId: number,
  config: RunConfig,
  trainer: Trainer,
  batch: CriticBatch,
): Promise<SnapshotMessage> {
  const scatter = scatterOfBatch(batch.pairs, batch.n, batch.xDim, batch.yDim);
  if (batch.xDim !== 1 || batch.yDim !== 1) {
    return { type: 'snapshot', runId, stepsDone: trainer.stepsDone, scatter, grid: null };
  }
  const range = gridRangeFromSettings(config)
    ? criticGridRange(config)
    : gridRangeOfBatch(batch.pairs, batch.n);
  const scored = trainer.score(criticGridRows(range, CRITIC_GRID_SIZE));
  try {
    const scores = await scored.data<'float32'>();
    return {
      type: 'snapshot',
      runId,
      stepsDone: trainer.stepsDone,
      scatter,
      grid: { range, size: CRITIC_GRID_SIZE, scores: Float32Array.from(scores) },
    };
  } finally {
    scored.dispose();
  }
}

/** The buffers a snapshot can hand over without copying. */
export function snapshotTransferables(message: SnapshotMessage): Transferable[] {
  const buffers: Transferable[] = [message.scatter.joint.buffer, message.scatter.shuffled.buffer];
  if (message.grid) buffers.push(message.grid.scores.buffer);
  return buffers;
}
