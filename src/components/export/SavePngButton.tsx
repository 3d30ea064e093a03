import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { message } from '../../protocol/message';
import { useRunStoreApi } from '../../store/context';
import { pngFileName } from '../../store/csv';
import { plotExtrasOf } from '../plot/plotExtras';
import { buildPlotModel } from '../plot/plotModel';
import { downloadBlob } from './download';
import { findPlotSvg, plotPng } from './plotImage';

/** Saves the plot, its legend and the settings as a PNG file, made in the page. */
export function SavePngButton() {
  const store = useRunStoreApi();
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();

  const save = async () => {
    const svg = findPlotSvg();
    if (!svg) return;
    const state = store.getState();
    const { runConfig, config, results } = state;
    // What the plot shows: the shown run's settings (or the pending ones), in the units chosen now.
    const shown = { ...(runConfig ?? config), units: config.units };
    setBusy(true);
    try {
      const blob = await plotPng(svg, buildPlotModel(results, shown, [], plotExtrasOf(state)), shown, t);
      downloadBlob(blob, pngFileName(shown));
    } catch (error) {
      store.getState().addNotices([message('notices.savePngFailed', { detail: String(error) })]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="secondary"
      data-testid="save-png"
      onClick={() => void save()}
      disabled={busy}
      title={t('exports.savePngTitle')}
    >
      {t('exports.savePng')}
    </button>
  );
}
