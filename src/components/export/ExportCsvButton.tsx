import { useTranslation } from 'react-i18next';
import { useRun, useRunStoreApi } from '../../store/context';
import { csvFileName, runToCsv } from '../../store/csv';
import { downloadBlob } from './download';
import { BITS_PER_NAT } from '../../core/units';
import { trainsOnFiniteSample } from '../../protocol/config';
import { dataTruthBits } from '../plot/plotExtras';
import { useRenderMessage } from '../../i18n/useMessage';

/** Downloads the run as CSV: one row per step, the settings in `#` header lines. */
export function ExportCsvButton() {
  const store = useRunStoreApi();
  const render = useRenderMessage();
  const hasSteps = useRun((s) => s.results.length > 0);
  const { t } = useTranslation();

  const exportCsv = () => {
    const state = store.getState();
    const { runConfig, results, backend, runInfo, dataSummary, dataSelection, baselines } = state;
    if (!runConfig) return;
    const finite = trainsOnFiniteSample(runConfig);
    const truth = dataTruthBits(state);
    const csv = runToCsv(runConfig, results, {
      render,
      backend: backend?.backend ?? null,
      adamEpsilon: backend?.adamEpsilon ?? null,
      exportedAt: new Date(),
      data:
        runConfig.dist === 'data' && dataSummary && dataSelection
          ? {
              name: dataSummary.name,
              usedRows: dataSelection.usedRows,
              droppedRows: dataSelection.droppedRows,
            }
          : null,
      split: runInfo?.finite
        ? {
            trainRows: runInfo.finite.trainRows,
            heldOutRows: runInfo.finite.heldOutRows,
            batchSize: runInfo.batchSize,
          }
        : null,
      dataTruthBits: Number.isFinite(truth) ? truth : null,
      baselines: finite
        ? {
            ksgBits: baselines.ksg ? baselines.ksg.miNats * BITS_PER_NAT : null,
            linearBits: baselines.linear ? baselines.linear.miNats * BITS_PER_NAT : null,
            pValue: baselines.permutation?.pValue ?? null,
          }
        : undefined,
    });
    downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), csvFileName(runConfig));
  };

  return (
    <button
      type="button"
      className="secondary"
      data-testid="export-csv"
      onClick={exportCsv}
      disabled={!hasSteps}
    >
      {t('exports.csv')}
    </button>
  );
}
