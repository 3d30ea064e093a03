/** What the plot and exports show besides the run, from the store: the data's truth and the baselines. */
import { BITS_PER_NAT } from '../../core/units';
import type { RunStoreState } from '../../store/runStore';
import type { PlotExtras } from './plotModel';

/** The true MI in bits of the loaded data where it is known (a generated example), else NaN. */
export function dataTruthBits(state: Pick<RunStoreState, 'dataSummary'>): number {
  const truth = state.dataSummary?.example?.trueMiNats;
  return truth === null || truth === undefined ? NaN : truth * BITS_PER_NAT;
}

/** The plot's extras for the store's state (memoise on the fields it reads). */
export function plotExtrasOf(
  state: Pick<RunStoreState, 'dataSummary' | 'dataSelection' | 'baselines'>,
): PlotExtras {
  const { ksg, linear } = state.baselines;
  return {
    dataTruthBits: dataTruthBits(state),
    dataRows: state.dataSelection?.usedRows ?? null,
    baselines: [
      ...(ksg ? [{ id: 'ksg' as const, label: `KSG (k = ${ksg.k})`, bits: ksg.miNats * BITS_PER_NAT }] : []),
      ...(linear
        ? [{ id: 'linear' as const, label: 'linear (Gaussian) MI', bits: linear.miNats * BITS_PER_NAT }]
        : []),
    ],
  };
}
