import { useTranslation } from 'react-i18next';
import { suiteResultsCsv, suiteResultsJson } from '../../protocol/suite';
import { useRun } from '../../store/context';
import { downloadBlob } from '../export/download';

/** Downloads the suite's cells as CSV and as JSON (with its definition, the protocol and the summary). */
export function SuiteExports() {
  const definition = useRun((s) => s.suiteDefinition);
  const results = useRun((s) => s.suiteResults);
  const clear = useRun((s) => s.clearSuiteResults);
  const none = results.length === 0;
  const { t } = useTranslation();
  return (
    <div className="run-controls suite-exports">
      <button
        type="button"
        data-testid="suite-export-csv"
        disabled={none}
        onClick={() =>
          downloadBlob(new Blob([suiteResultsCsv(results)], { type: 'text/csv' }), 'mine-lab-suite.csv')
        }
      >
        {t('exports.csv')}
      </button>
      <button
        type="button"
        data-testid="suite-export-json"
        disabled={none}
        onClick={() =>
          downloadBlob(
            new Blob([suiteResultsJson(definition, results)], { type: 'application/json' }),
            'mine-lab-suite.json',
          )
        }
      >
        {t('suite.json')}
      </button>
      <button type="button" data-testid="suite-clear" disabled={none} onClick={() => void clear()}>
        {t('suite.forget')}
      </button>
    </div>
  );
}
