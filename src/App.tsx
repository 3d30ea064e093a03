import { EmbedLayout } from './components/layout/EmbedLayout';
import { FullLayout } from './components/layout/FullLayout';
import { PhoneLayout } from './components/layout/PhoneLayout';
import { useNarrowScreen } from './components/layout/useNarrowScreen';
import { ShortcutsDialog } from './components/shortcuts/ShortcutsDialog';
import { useKeyboardShortcuts } from './components/shortcuts/useKeyboardShortcuts';
import { useRun } from './store/context';

/**
 * The page: the full lab, its phone layout on a narrow screen (not in presentation mode, which keeps
 * its own), or the embedded layout; with its shortcuts.
 */
export function App() {
  const presentation = useRun((s) => s.presentation);
  const embed = useRun((s) => s.embed);
  const narrow = useNarrowScreen();
  useKeyboardShortcuts();
  const className = [
    'app',
    presentation && 'presenting',
    embed && 'embedded',
    narrow && !embed && !presentation && 'phone',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid="app">
      {embed ? <EmbedLayout /> : narrow && !presentation ? <PhoneLayout /> : <FullLayout />}
      <ShortcutsDialog />
    </div>
  );
}
