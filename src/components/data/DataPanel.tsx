import { useRun } from '../../store/context';
import { ColumnPicker } from './ColumnPicker';
import { DataLoader } from './DataLoader';
import { DataStatus } from './DataStatus';
import { SplitNote } from './SplitNote';

/**
 * Your data: where it comes from (a file, a drop, pasted text or a bundled example), what was read,
 * which columns are X and Y, and how the rows are split. Shown when the distribution is "Your data".
 */
export function DataPanel() {
  const dist = useRun((s) => s.config.dist);
  if (dist !== 'data') return null;
  return (
    <section className="data-panel" aria-label="Your data" data-testid="data-panel">
      <p className="privacy-note">
        Your data stays in this browser: it is read here, never uploaded, never put in the link and never
        cached. A copied link carries the settings (the column names included), not the data.
      </p>
      <DataLoader />
      <DataStatus />
      <ColumnPicker />
      <SplitNote />
    </section>
  );
}
