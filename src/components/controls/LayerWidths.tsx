import { useTranslation } from 'react-i18next';
import type { LayersSpec } from '../../protocol/config';
import { useRun } from '../../store/context';
import { paramHintKey, paramLabelKey } from '../../protocol/paramText';
import { Slider } from './Slider';
import type { SliderScale } from './sliderScale';

/**
 * The critic's hidden layers: a width slider for each (1 to 3 layers) and buttons that add a layer
 * (as wide as the last) or remove the last (not with `fixedDepth`, as in the embedded layout). The
 * first slider's readout carries the whole list (e.g. "16,8") in data-value.
 */
export function LayerWidths({ spec, fixedDepth = false }: { spec: LayersSpec; fixedDepth?: boolean }) {
  const widths = useRun((s) => s.config.hidden);
  const setParam = useRun((s) => s.setParam);
  const { t } = useTranslation();
  const scale: SliderScale = { ticks: spec.ticks, min: spec.min, max: spec.max, kind: 'int' };
  const setWidth = (layer: number, width: number) =>
    setParam(
      'hidden',
      widths.map((w, l) => (l === layer ? width : w)),
    );
  return (
    <div className="layer-widths" role="group" aria-label={t('layers.group')}>
      {widths.map((width, layer) => (
        <Slider
          key={layer}
          label={layer === 0 ? t(paramLabelKey('hidden')) : t(`layers.label${layer + 1}`)}
          hint={layer === 0 ? t(paramHintKey('hidden')) : t('layers.hint', { layer: layer + 1 })}
          scale={scale}
          value={width}
          testId={layer === 0 ? 'value-hidden' : `value-hidden-${layer + 1}`}
          dataValue={layer === 0 ? widths.join(',') : undefined}
          name={`hidden-${layer + 1}`}
          onChange={(next) => setWidth(layer, next)}
        />
      ))}
      <div className="layer-buttons secondary" hidden={fixedDepth}>
        <button
          type="button"
          data-testid="add-layer"
          disabled={widths.length >= spec.maxLayers}
          onClick={() => setParam('hidden', [...widths, widths[widths.length - 1]])}
        >
          {t('layers.add')}
        </button>
        <button
          type="button"
          data-testid="remove-layer"
          disabled={widths.length <= 1}
          onClick={() => setParam('hidden', widths.slice(0, -1))}
        >
          {t('layers.remove')}
        </button>
      </div>
    </div>
  );
}
