import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { DEFAULTS, PARAMS } from '../protocol/config';
import { PRESETS, type Preset } from '../protocol/presets';
import { presetKey } from '../protocol/paramText';
import { configFromHash } from '../protocol/urlHash';
import { useRun } from '../store/context';

/** Whether the current settings are exactly a preset's (display settings aside). */
function matches(preset: Preset, config: typeof DEFAULTS): boolean {
  const target = configFromHash(preset.hash).config;
  return PARAMS.every(
    (spec) =>
      spec.effect === 'view' ||
      spec.key === 'backend' ||
      String(target[spec.key]) === String(config[spec.key]),
  );
}

/** The preset the settings match (if any), and how to apply one. */
function usePresets(): { active: Preset | undefined; apply: (preset: Preset) => void } {
  const config = useRun((s) => s.config);
  const loadConfig = useRun((s) => s.loadConfig);
  return {
    active: PRESETS.find((preset) => matches(preset, config)),
    apply: (preset) => {
      // Display settings (units, backend) are the viewer's, not the preset's.
      const { units, backend } = config;
      loadConfig({ ...configFromHash(preset.hash).config, units, backend });
    },
  };
}

/** The sentence on what to watch, while the settings are a preset's. */
export function PresetWatch() {
  const { active } = usePresets();
  const { t } = useTranslation();
  if (!active) return null;
  return (
    <p className="preset-watch" data-testid="preset-watch">
      <strong>{t('presetsUi.watch')}</strong> {t(presetKey(active.id, 'watch'))}
    </p>
  );
}

/** One-click configurations, each with a sentence on what to watch. */
export function Presets() {
  const { active, apply } = usePresets();
  const { t } = useTranslation();
  return (
    <section className="presets" aria-label={t('presetsUi.region')}>
      <div className="preset-buttons" role="group" aria-label={t('presetsUi.group')}>
        {PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            data-testid={`preset-${preset.id}`}
            aria-pressed={active?.id === preset.id}
            onClick={() => apply(preset)}
          >
            {t(presetKey(preset.id, 'label'))}
          </button>
        ))}
      </div>
      <PresetWatch />
    </section>
  );
}

/** The presets as one menu, for the phone layout (its sentence on what to watch is shown apart). */
export function PresetSelect() {
  const { active, apply } = usePresets();
  const id = useId();
  const { t } = useTranslation();
  return (
    <div className="preset-select">
      <label htmlFor={id}>{t('presetsUi.select')}</label>
      <select
        id={id}
        data-testid="preset-select"
        value={active?.id ?? ''}
        onChange={(event) => {
          const preset = PRESETS.find((p) => p.id === event.target.value);
          if (preset) apply(preset);
        }}
      >
        {!active && <option value="">{t('presetsUi.custom')}</option>}
        {PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {t(presetKey(preset.id, 'label'))}
          </option>
        ))}
      </select>
    </div>
  );
}
