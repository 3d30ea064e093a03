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

/** One-click configurations, each with a sentence on what to watch. */
export function Presets() {
  const config = useRun((s) => s.config);
  const loadConfig = useRun((s) => s.loadConfig);
  const active = PRESETS.find((preset) => matches(preset, config));

  const apply = (preset: Preset) => {
    // Display settings (units, backend) are the viewer's, not the preset's.
    const { units, backend } = config;
    loadConfig({ ...configFromHash(preset.hash).config, units, backend });
  };

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
      {active && (
        <p className="preset-watch" data-testid="preset-watch">
          <strong>Watch:</strong> {active.watch}
        </p>
      )}
    </section>
  );
}
