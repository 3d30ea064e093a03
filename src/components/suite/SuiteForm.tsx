import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { BMI_TASKS } from '../../core/tasks/catalogue';
import {
  ALL_TASKS,
  MAX_SUITE_SEEDS,
  SUITE_ESTIMATORS,
  SUITE_ESTIMATOR_LABELS,
  type SuiteDefinition,
} from '../../protocol/suite';
import { useRenderMessage } from '../../i18n/useMessage';
import { groupKey } from '../../protocol/paramText';
import { useRun, useRunStoreApi } from '../../store/context';

/** The task families, as the Task menu groups them (names: catalogue `options.groups.<id>`). */
const FAMILIES = ['one-dimensional', 'multinormal', 'student', 'transformed'] as const;

/** Sample sizes offered (bmi's figure uses 5,000 and 10,000). */
const ROWS = [1000, 3000, 5000, 10_000];

/** What the suite runs: tasks by family, estimators, seeds and the sample size; and the protocol in words. */
export function SuiteForm() {
  const render = useRenderMessage();
  const id = useId();
  const definition = useRun((s) => s.suiteDefinition);
  const state = useRun((s) => s.suiteState);
  const { openSuite } = useRunStoreApi().getState();
  const running = state === 'running';
  const { t } = useTranslation();
  const change = (next: Partial<SuiteDefinition>) => void openSuite({ ...definition, ...next });
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean, order: readonly T[]) =>
    order.filter((x) => (x === item ? on : list.includes(x)));
  return (
    <section className="panel suite-form" aria-label={t('suite.formLabel')}>
      <fieldset disabled={running}>
        <legend>{t('suite.tasks', { chosen: definition.tasks.length, total: ALL_TASKS.length })}</legend>
        <p className="suite-shortcuts">
          <button type="button" className="link-button" onClick={() => change({ tasks: ALL_TASKS })}>
            {t('suite.all', { count: ALL_TASKS.length })}
          </button>{' '}
          ·{' '}
          <button type="button" className="link-button" onClick={() => change({ tasks: [] })}>
            {t('suite.none')}
          </button>
        </p>
        {FAMILIES.map((group) => (
          <details key={group} open={group === 'one-dimensional'}>
            <summary>{t(groupKey(group))}</summary>
            {BMI_TASKS.filter((t) => t.group === group).map((task) => (
              <label key={task.id} className="column" title={render(task.definition)}>
                <input
                  type="checkbox"
                  data-testid="suite-task"
                  data-value={task.id}
                  checked={definition.tasks.includes(task.id)}
                  onChange={(e) =>
                    change({ tasks: toggle(definition.tasks, task.id, e.target.checked, ALL_TASKS) })
                  }
                />{' '}
                <code translate="no">{task.id}</code>
              </label>
            ))}
          </details>
        ))}
      </fieldset>
      <fieldset disabled={running}>
        <legend>{t('settings.groups.estimator')}</legend>
        {SUITE_ESTIMATORS.map((estimator) => (
          <label key={estimator} className="column">
            <input
              type="checkbox"
              data-testid="suite-estimator"
              data-value={estimator}
              checked={definition.estimators.includes(estimator)}
              onChange={(e) =>
                change({
                  estimators: toggle(definition.estimators, estimator, e.target.checked, SUITE_ESTIMATORS),
                })
              }
            />{' '}
            {render(SUITE_ESTIMATOR_LABELS[estimator])}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={running} className="suite-numbers">
        <legend>{t('suite.seedsAndSample')}</legend>
        <label htmlFor={`${id}-seeds`}>{t('suite.seeds')}</label>
        <input
          id={`${id}-seeds`}
          type="number"
          data-testid="suite-seeds"
          min={1}
          max={MAX_SUITE_SEEDS}
          value={definition.seeds}
          onChange={(e) => {
            const seeds = Number(e.target.value);
            if (Number.isInteger(seeds) && seeds >= 1 && seeds <= MAX_SUITE_SEEDS) change({ seeds });
          }}
        />
        <label htmlFor={`${id}-rows`}>{t('suite.rows')}</label>
        <select
          id={`${id}-rows`}
          value={definition.rows}
          onChange={(e) => change({ rows: Number(e.target.value) })}
        >
          {ROWS.map((rows) => (
            <option key={rows} value={rows}>
              {rows.toLocaleString('en-US')}
            </option>
          ))}
        </select>
      </fieldset>
    </section>
  );
}
