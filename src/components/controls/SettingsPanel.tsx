import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  PARAMS,
  infoNceK,
  isApplicable,
  type ParamGroup,
  type ParamSpec,
  type RunConfig,
} from '../../protocol/config';
import { useRun } from '../../store/context';
import { isHidden } from '../../store/lessonSlice';
import { LazyDataPanel } from '../lazyPanels';
import { EstimatorPicker } from './EstimatorPicker';
import { LayerWidths } from './LayerWidths';
import { isMainParam } from './mainParams';
import { ParamChoice } from './ParamChoice';
import { ParamSlider } from './ParamSlider';

/**
 * A group's title (catalogue `settings.groups.*`; the data group's names the distribution's model);
 * the critic's shows its layers, e.g. [x, y] → 16 → ReLU → 8 → ReLU → 1.
 */
function groupTitle(group: ParamGroup, config: RunConfig, t: TFunction): string {
  switch (group) {
    case 'data':
      return t(`settings.data.${config.dist}`);
    case 'critic':
      return t('settings.groups.critic', {
        layers: `[x, y] → ${config.hidden.map((h) => `${h} → ReLU`).join(' → ')} → 1`,
      });
    default:
      return t(`settings.groups.${group}`);
  }
}

const GROUP_ORDER: readonly ParamGroup[] = ['estimator', 'data', 'critic', 'training', 'display'];

/** A remark under a slider that depends on other settings (InfoNCE's effective k). */
function noteFor(spec: ParamSpec, config: RunConfig, t: TFunction): string | undefined {
  if (spec.key === 'k') return t('settings.kNow', { k: infoNceK(config) });
  return undefined;
}

/** The control for one setting. */
function ParamControl({ spec, config }: { spec: ParamSpec; config: RunConfig }) {
  const { t } = useTranslation();
  switch (spec.type) {
    case 'number':
      return <ParamSlider spec={spec} note={noteFor(spec, config, t)} />;
    case 'choice':
      return <ParamChoice spec={spec} />;
    case 'list':
      return <EstimatorPicker spec={spec} />;
    case 'layers':
      return <LayerWidths spec={spec} />;
    case 'columns':
      return null; // chosen in the data panel, beside the columns themselves
  }
}

/**
 * All run settings, grouped by the part of the model they change; only those that apply are shown.
 * Settings other than the main ones are marked `secondary` (presentation mode hides them).
 */
export function SettingsPanel() {
  const config = useRun((s) => s.config);
  const { t } = useTranslation();
  // The keys `hide=` or the lesson's step hides, as one string (a stable selector result).
  const hidden = useRun((s) =>
    PARAMS.filter((spec) => isHidden(s, spec.key))
      .map((spec) => spec.key)
      .join(','),
  ).split(',');
  return (
    <section className="panel settings" aria-label={t('settings.region')}>
      {GROUP_ORDER.map((group) => {
        const specs = PARAMS.filter(
          (spec) =>
            spec.group === group &&
            spec.type !== 'columns' &&
            isApplicable(spec, config) &&
            !hidden.includes(spec.key),
        );
        if (specs.length === 0) return null;
        return (
          <fieldset key={group} className={specs.some((s) => isMainParam(s.key)) ? undefined : 'secondary'}>
            <legend>{groupTitle(group, config, t)}</legend>
            {specs.map((spec) => (
              <div
                key={spec.key}
                className={isMainParam(spec.key) ? 'main-param' : 'secondary'}
                data-param={spec.key}
              >
                <ParamControl spec={spec} config={config} />
                {spec.key === 'dist' && config.dist === 'data' && <LazyDataPanel />}
              </div>
            ))}
          </fieldset>
        );
      })}
    </section>
  );
}
