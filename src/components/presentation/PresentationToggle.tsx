import { useRun, useRunStoreApi } from '../../store/context';
import { switchPresentation } from './presentationMode';

/** The button (also key P) that turns presentation mode on and off. */
export function PresentationToggle() {
  const store = useRunStoreApi();
  const presentation = useRun((s) => s.presentation);
  return (
    <button
      type="button"
      className="toggle"
      data-testid="presentation"
      aria-pressed={presentation}
      title="Large type and thick lines for a lecture hall (key P)"
      onClick={() => switchPresentation(store, !presentation)}
    >
      Presentation mode
    </button>
  );
}
