import { useDeferredAreas } from '../useDeferredAreas';
import { useTranslation } from 'react-i18next';
import { configToHash } from '../../protocol/urlHash';
import { useRun } from '../../store/context';
import { Notices } from '../Notices';
import { SuiteExports } from './SuiteExports';
import { SuiteForm } from './SuiteForm';
import { SuiteProgress } from './SuiteProgress';
import { SuiteRunControls } from './SuiteRunControls';
import { SuiteTable } from './SuiteTable';

/**
 * The Beyond Normal suite (`view=suite`): choose tasks × estimators × seeds, run them with bmi's
 * protocol, and read bmi's picture — a table coloured by how far each estimate is from the truth,
 * solved cells ticked, a count of solved tasks per estimator.
 */
export function SuiteView() {
  const config = useRun((s) => s.config);
  const setView = useRun((s) => s.setView);
  const { t } = useTranslation();
  // The tasks' words and the estimators' labels are a deferred catalogue area.
  if (!useDeferredAreas()) return null;
  return (
    <div className="suite-view" data-testid="suite-view">
      <header>
        <h1>{t('suite.title')}</h1>
        <p className="tagline">{t('suite.tagline')}</p>
        <div className="header-tools">
          <a href={configToHash(config)} onClick={() => setView('lab')} data-testid="suite-back">
            {t('suite.back')}
          </a>
        </div>
      </header>
      <Notices />
      <main className="suite-main">
        <SuiteForm />
        <section className="panel suite-results" aria-label={t('suite.results')}>
          <SuiteRunControls />
          <SuiteProgress />
          <SuiteTable />
          <SuiteExports />
        </section>
      </main>
    </div>
  );
}
