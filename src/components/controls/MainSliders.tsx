import { useTranslation } from 'react-i18next';
import { useRun } from '../../store/context';
import { mainSliders } from './mainParams';
import { LayerWidths } from './LayerWidths';
import { ParamSlider } from './ParamSlider';

/** Just the main sliders (power, noise, dim and hidden on the channel), for the embedded layout. */
export function MainSliders() {
  const config = useRun((s) => s.config);
  const { t } = useTranslation();
  return (
    <div className="main-sliders" role="group" aria-label={t('settings.main')}>
      {mainSliders(config).map((spec) =>
        spec.type === 'layers' ? (
          <LayerWidths key={spec.key} spec={spec} fixedDepth />
        ) : (
          <ParamSlider key={spec.key} spec={spec} />
        ),
      )}
    </div>
  );
}
