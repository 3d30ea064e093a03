import { useRun } from '../store/context';

/** Messages for the user (bad URL values, backend fallbacks, failures); absent when there are none. */
export function Notices() {
  const notices = useRun((s) => s.notices);
  const dismissNotice = useRun((s) => s.dismissNotice);
  if (notices.length === 0) return null;
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
      </ul>
    </div>
  );
}
