import { EmbedLayout } from './components/layout/EmbedLayout';
import { FullLayout } from './components/layout/FullLayout';
import { ShortcutsDialog } from './components/shortcuts/ShortcutsDialog';
import { useKeyboardShortcuts } from './components/shortcuts/useKeyboardShortcuts';
import { useRun } from './store/context';

/** The page: the full lab or the embedded layout, in presentation mode or not, with its shortcuts. */
export function App() {
  const presentation = useRun((s) => s.presentation);
  const embed = useRun((s) => s.embed);
  useKeyboardShortcuts();
  const className = ['app', presentation && 'presenting', embed && 'embedded'].filter(Boolean).join(' ');
  return (
    <div className={className} data-testid="app">
      {embed ? <EmbedLayout /> : <FullLayout />}
      <ShortcutsDialog />
    </div>
  );
}
