import { FullLayout } from './components/layout/FullLayout';
import { ShortcutsDialog } from './components/shortcuts/ShortcutsDialog';
import { useKeyboardShortcuts } from './components/shortcuts/useKeyboardShortcuts';
import { useRun } from './store/context';

/** The page: the full lab, in presentation mode or not, with its keyboard shortcuts. */
export function App() {
  const presentation = useRun((s) => s.presentation);
  useKeyboardShortcuts();
  return (
    <div className={presentation ? 'app presenting' : 'app'} data-testid="app">
      <FullLayout />
      <ShortcutsDialog />
    </div>
  );
}
