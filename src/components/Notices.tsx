import { useRun } from '../store/context';

/** Messages for the user (bad URL values, backend fallbacks, failures, a waiting update). */
export function Notices() {
  const notices = useRun((s) => s.notices);
  const dismissNotice = useRun((s) => s.dismissNotice);
  const applyUpdate = useRun((s) => s.applyUpdate);
  if (notices.length === 0 && !applyUpdate) return null;
  return (
    <div className="notice" data-testid="notice" role="status">
      <ul>
        {notices.map((text, index) => (
          <li key={`${index}-${text}`}>
            <span>{text}</span>
            <button type="button" aria-label="Dismiss notice" onClick={() => dismissNotice(index)}>
              ×
            </button>
          </li>
        ))}
        {applyUpdate && (
          <li data-testid="update-ready">
            <span>A new version of MINE Lab is ready; it loads the next time you open the page.</span>
            <button type="button" onClick={applyUpdate}>
              Reload now
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
