import { useTranslation } from 'react-i18next';
import { useId, useState } from 'react';
import { paramLabelKey } from '../../protocol/paramText';
import { sweepKeys, type SweepKey } from '../../protocol/sweeps';
import { useRun, useRunStoreApi } from '../../store/context';
import { errorDetail, type Message } from '../../protocol/message';
import { useRenderMessage } from '../../i18n/useMessage';
import { parseSweepParam } from '../../store/history';
import { SweepChart } from './SweepChart';
import { suggestedValues } from './sweepModel';

/** Sweep one setting over a list of values, one run after another, and plot each final estimate. */
export function SweepPanel() {
  const id = useId();
  const config = useRun((s) => s.config);
  const sweep = useRun((s) => s.sweep);
  const { prepareSweep, runSweep, stopSweep, clearSweep } = useRunStoreApi().getState();
  const [key, setKey] = useState<SweepKey>(() => sweep?.key ?? 'hidden');
  const [text, setText] = useState(() => (sweep ? sweep.values : suggestedValues('hidden')).join(', '));
  const [error, setError] = useState<Message | null>(null);
  const render = useRenderMessage();
  const { t } = useTranslation();
  // A sweep set up elsewhere (from a link) shows its own setting and values in the form (state
  // adjusted while rendering, when the sweep's definition changes).
  const definition = sweep ? `${sweep.key}:${sweep.values.join(', ')}` : null;
  const [shownDefinition, setShownDefinition] = useState(definition);
  if (definition !== shownDefinition) {
    setShownDefinition(definition);
    if (sweep) {
      setKey(sweep.key);
      setText(sweep.values.join(', '));
    }
  }

  const start = () => {
    try {
      const parsed = parseSweepParam(`${key}:${text.replace(/\s+/g, '')}`);
      setError(null);
      prepareSweep(parsed.key, parsed.values);
      runSweep();
    } catch (problem) {
      setError(errorDetail(problem));
    }
  };

  const choices = sweepKeys(config);
  return (
    <section className="panel sweep-panel" aria-label={t('sweep.title')}>
      <h2>{t('sweep.title')}</h2>
      <div className="sweep-form">
        <label htmlFor={`${id}-key`}>{t('sweep.vary')}</label>
        <select
          id={`${id}-key`}
          data-testid="sweep-key"
          value={key}
          onChange={(event) => {
            const next = event.target.value as SweepKey;
            setKey(next);
            setText(suggestedValues(next).join(', '));
          }}
        >
          {choices.map((choice) => (
            <option key={choice} value={choice}>
              {t(paramLabelKey(choice))}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-values`}>{t('sweep.over')}</label>
        <input
          id={`${id}-values`}
          data-testid="sweep-values"
          type="text"
          inputMode="decimal"
          value={text}
          aria-describedby={`${id}-help`}
          onChange={(event) => setText(event.target.value)}
        />
        {sweep?.state === 'running' ? (
          <button type="button" data-testid="sweep-stop" onClick={stopSweep}>
            {t('sweep.stop')}
          </button>
        ) : (
          <button type="button" className="primary" data-testid="sweep-run" onClick={start}>
            {t('sweep.run')}
          </button>
        )}
        {sweep && sweep.state !== 'running' && (
          <button type="button" data-testid="sweep-clear" onClick={clearSweep}>
            {t('sweep.clear')}
          </button>
        )}
      </div>
      <p className="param-hint" id={`${id}-help`}>
        {t('sweep.help')}
      </p>
      {error && (
        <p className="sweep-error" role="alert">
          {render(error)}
        </p>
      )}
      {sweep && <SweepChart sweep={sweep} />}
    </section>
  );
}
