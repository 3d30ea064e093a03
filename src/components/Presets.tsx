import { useId } from 'react';
import { DEFAULTS, PARAMS } from '../protocol/config';
import { PRESETS, type Preset } from '../protocol/presets';
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
  if (!active) return null;
  return (
    <p className="preset-watch" data-testid="preset-watch">
      <strong>Watch:</strong> {active.watch}
    </p>
  );
}

/** One-click configurations, each with a sentence on what to watch. */
export function Presets() {
  const { active, apply } = usePresets();
  return (
    <section className="presets" aria-label="Presets">
      <div className="preset-buttons" role="group" aria-label="Preset configurations">
        {PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            data-testid={`preset-${preset.id}`}
            aria-pressed={active?.id === preset.id}
            onClick={() => apply(preset)}
          >
            {preset.label}
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
  return (
    <div className="preset-select">
      <label htmlFor={id}>Preset</label>
      <select
        id={id}
        data-testid="preset-select"
        value={active?.id ?? ''}
        onChange={(event) => {
          const preset = PRESETS.find((p) => p.id === event.target.value);
          if (preset) apply(preset);
        }}
      >
        {!active && <option value="">Custom settings</option>}
        {PRESETS.map((preset) => (
          <option key={preset.id} value={preset.id}>
            {preset.label}
          </option>
        ))}
      </select>
    </div>
  );
}
