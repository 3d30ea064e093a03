import { optionLabel, type BoundId, type RunConfig } from '../../protocol/config';
import { ESTIMATOR_COLORS } from '../plot/colors';
import { ceilingFormula, criticFormula, explainEstimator } from './boundFormulas';
import { controlNotes } from './controlNotes';
import { dataModelFormula, trueMiFormula, trueMiNote } from './dataFormulas';
import { Tex } from './Tex';
import { useRenderMessage } from '../../i18n/useMessage';

/** One estimator's bound, its training and what to expect of it. */
function EstimatorBound({ id, config }: { id: BoundId; config: RunConfig }) {
  const { bound, training, note } = explainEstimator(id, config);
  return (
    <li data-testid={`explain-${id}`}>
      <h4>
        <span className="swatch thick" style={{ background: ESTIMATOR_COLORS[id] }} aria-hidden="true" />{' '}
        {optionLabel(id)}
      </h4>
      <Tex formula={bound} />
      {training && (
        <>
          <p className="tex-lead">{id === 'smile' ? 'Trained on:' : 'Trained with the gradient:'}</p>
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
  const render = useRenderMessage();
  const bitsNote = config.units === 'bits' ? ' The bounds are in nats; the plot divides them by ln 2.' : '';
  return (
    <div className="explainer-body">
      <h3>Data and the true mutual information</h3>
      <Tex formula={dataModelFormula(config, render)} />
      <Tex formula={trueMiFormula(config, stepIdx)} />
      <p>{trueMiNote(config, render)} The dashed line on the plot.</p>

      <h3>The critic</h3>
      <Tex formula={criticFormula(config)} />
      <p>
        Each step draws N fresh pairs (xᵢ, yᵢ) from the joint distribution P and shuffles the y’s (y
        <sub>π(i)</sub>) to get pairs from the product of marginals Q, which breaks the dependence. Adam
        trains T to tell the two apart by climbing a lower bound on I(X; Y).{bitsNote}
      </p>

      <h3>{config.estimator.length > 1 ? 'The bounds being trained' : 'The bound being trained'}</h3>
      <ul className="bound-list">
        {config.estimator.map((id) => (
          <EstimatorBound key={id} id={id} config={config} />
        ))}
      </ul>
      <p>An estimate from one batch of N pairs cannot credibly exceed log N:</p>
      <Tex formula={ceilingFormula(config)} />

      <h3>The controls</h3>
      <ul className="control-notes">
        {controlNotes(config).map((note) => (
          <li key={note.key}>
            <strong>{note.label}:</strong> {note.changes} <em>Watch:</em> {note.watch}
          </li>
        ))}
      </ul>
    </div>
  );
}
