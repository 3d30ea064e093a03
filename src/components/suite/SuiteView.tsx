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
  return (
    <div className="suite-view" data-testid="suite-view">
      <header>
        <h1>MINE Lab: the Beyond Normal suite</h1>
        <p className="tagline">
          40 distributions with known mutual information — heavy-tailed, sparse, curved, bimodal — from Czyż
          et al., “Beyond Normal” (NeurIPS 2023), by bmi’s own task ids.
        </p>
        <div className="header-tools">
          <a href={configToHash(config)} onClick={() => setView('lab')} data-testid="suite-back">
            Back to the lab
          </a>
        </div>
      </header>
      <Notices />
      <main className="suite-main">
        <SuiteForm />
        <section className="panel suite-results" aria-label="Suite results">
          <SuiteRunControls />
          <SuiteProgress />
          <SuiteTable />
          <SuiteExports />
        </section>
      </main>
    </div>
  );
}
