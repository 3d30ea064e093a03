import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { useRun } from '../../store/context';
import { LazyExplainerBody } from '../lazyPanels';

/**
 * The collapsible explanation panel: the data model, the true MI and the bounds being trained, with
 * the current settings substituted and typeset by KaTeX (loaded lazily), and a line per control.
 */
export function Explainer() {
  const open = useRun((s) => s.explainerOpen);
  const setOpen = useRun((s) => s.setExplainerOpen);
  const config = useRun((s) => s.config);
  // Only the staircase's truth depends on the step: other runs do not re-render on every batch.
  const stepIdx = useRun((s) => (s.config.dist === 'staircase' ? Math.max(0, s.results.length - 1) : 0));
  const bodyId = useId();
  const { t } = useTranslation();

  return (
    <section className="panel explainer" data-testid="explainer" aria-labelledby={`${bodyId}-title`}>
      <h2 id={`${bodyId}-title`}>
        <button
          type="button"
          className="disclosure"
          data-testid="explainer-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          <span className="disclosure-mark" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>{' '}
          {t('explainer.title')}
        </button>
      </h2>
      <div id={bodyId} hidden={!open}>
        {open && <LazyExplainerBody config={config} stepIdx={stepIdx} />}
      </div>
    </section>
  );
}
