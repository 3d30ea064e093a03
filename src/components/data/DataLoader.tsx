import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import { DATA_LIMITS } from '../../core/data/table';
import { useRun, useRunStoreApi } from '../../store/context';
import type { ExampleEntry } from '../../store/examples';

/** The ways in: a file, a bundled example, pasted text; a progress bar and Cancel while reading. */
export function DataLoader() {
  const id = useId();
  const store = useRunStoreApi();
  const load = useRun((s) => s.dataLoad);
  const [examples, setExamples] = useState<readonly ExampleEntry[]>([]);
  const [pasted, setPasted] = useState('');
  const { t } = useTranslation();
  useEffect(() => {
    let live = true;
    store
      .getState()
      .listExamples()
      .then((list) => live && setExamples(list))
      .catch(() => undefined); // the loader still takes files and text
    return () => {
      live = false;
    };
  }, [store]);
  const { loadDataFile, loadDataText, loadExample, cancelDataLoad } = store.getState();
  const loading = load.state === 'loading';
  return (
    <div className="data-loader">
      <div className="param">
        <label htmlFor={`${id}-file`}>{t('data.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          data-testid="data-file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void loadDataFile(file, 'file');
            event.target.value = ''; // the same file chosen again loads again
          }}
        />
      </div>
      <div className="param param-choice">
        <label htmlFor={`${id}-example`}>{t('data.example')}</label>
        <select
          id={`${id}-example`}
          data-testid="data-example"
          value=""
          onChange={(event) => event.target.value && void loadExample(event.target.value)}
        >
          <option value="">{t('data.chooseExample')}</option>
          {examples.map((example) => (
            <option key={example.name} value={example.name}>
              {t(`data.examples.${example.name}`, { defaultValue: example.title })}
            </option>
          ))}
        </select>
      </div>
      <details className="paste">
        <summary>{t('data.paste')}</summary>
        <label htmlFor={`${id}-paste`}>{t('data.pasteLabel')}</label>
        <textarea
          id={`${id}-paste`}
          data-testid="data-paste"
          rows={5}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
        />
        <button
          type="button"
          data-testid="data-paste-load"
          disabled={pasted.trim() === ''}
          onClick={() => void loadDataText(pasted)}
        >
          {t('data.pasteLoad')}
        </button>
      </details>
      {loading && (
        <div className="data-progress" role="status">
          <progress
            data-testid="data-progress"
            max={load.total || 1}
            value={load.total ? load.read : undefined}
            aria-label={
              load.name ? t('data.progressLabel', { name: load.name }) : t('data.reading', { share: '' })
            }
          />
          <button type="button" data-testid="data-cancel" onClick={cancelDataLoad}>
            {t('data.cancel')}
          </button>
        </div>
      )}
      <p className="param-hint">
        {t('data.limits', {
          rows: DATA_LIMITS.maxRows,
          columns: DATA_LIMITS.maxColumns,
          megabytes: DATA_LIMITS.maxBytes / 1_000_000,
        })}
      </p>
    </div>
  );
}
