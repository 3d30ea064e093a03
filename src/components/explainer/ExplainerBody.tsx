import { useDeferredAreas } from '../useDeferredAreas';
import { Trans, useTranslation } from 'react-i18next';
import type { BoundId, RunConfig } from '../../protocol/config';
import { estimatorKey } from '../../protocol/paramText';
import { ESTIMATOR_COLORS } from '../plot/colors';
import { ceilingFormula, criticFormula, explainEstimator } from './boundFormulas';
import { controlNotes } from './controlNotes';
import { dataModelFormula, trueMiFormula, trueMiNote } from './dataFormulas';
import { Tex } from './Tex';

/** One estimator's bound, its training and what to expect of it. */
function EstimatorBound({ id, config }: { id: BoundId; config: RunConfig }) {
  const { t } = useTranslation();
  const { bound, training, note } = explainEstimator(id, config, t);
  return (
    <li data-testid={`explain-${id}`}>
      <h4>
        <span className="swatch thick" style={{ background: ESTIMATOR_COLORS[id] }} aria-hidden="true" />{' '}
        {t(estimatorKey(id))}
      </h4>
      <Tex formula={bound} />
      {training && (
        <>
          <p className="tex-lead">{id === 'smile' ? t('explainer.trainedOn') : t('explainer.trainedWith')}</p>
          <Tex formula={training} />
        </>
      )}
      <p>{note}</p>
    </li>
  );
}

/**
 * What the page computes for `config`: the data model, the true MI, the critic and each estimator's
 * bound with the current values substituted, and a line per control. `stepIdx` is the latest step.
 */
export function ExplainerBody({ config, stepIdx }: { config: RunConfig; stepIdx: number }) {
  const { t } = useTranslation();
  // The tasks' definitions are a deferred catalogue area: the body is drawn once they are in.
  if (!useDeferredAreas()) return null;
  return (
    <div className="explainer-body">
      <h3>{t('explainer.dataTitle')}</h3>
      {/* A benchmark task's definition and truth come from its catalogue entry (explain-task). */}
      <div data-testid={config.dist === 'task' ? 'explain-task' : undefined}>
        <Tex formula={dataModelFormula(config, t)} />
        <Tex formula={trueMiFormula(config, stepIdx, t)} />
        <p>
          {trueMiNote(config, t)} {t('explainer.dashedLine')}
        </p>
      </div>

      <h3>{t('explainer.criticTitle')}</h3>
      <Tex formula={criticFormula(config, t)} />
      <p>
        <Trans i18nKey="explainer.critic" components={{ sub: <sub /> }} />
        {config.units === 'bits' && ` ${t('explainer.bitsNote')}`}
      </p>

      <h3>{t('explainer.boundsTitle', { count: config.estimator.length })}</h3>
      <ul className="bound-list">
        {config.estimator.map((id) => (
          <EstimatorBound key={id} id={id} config={config} />
        ))}
      </ul>
      <p>{t('explainer.ceiling')}</p>
      <Tex formula={ceilingFormula(config)} />

      <h3>{t('explainer.controlsTitle')}</h3>
      <ul className="control-notes">
        {controlNotes(config, t).map((note) => (
          <li key={note.key}>
            <strong>{t('explainer.noteLabel', { label: note.label })}</strong> {note.changes}{' '}
            <em>{t('presetsUi.watch')}</em> {note.watch}
          </li>
        ))}
      </ul>
    </div>
  );
}
