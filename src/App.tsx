import { useTranslation } from 'react-i18next';
import { EmbedLayout } from './components/layout/EmbedLayout';
import { FullLayout } from './components/layout/FullLayout';
import { PhoneLayout } from './components/layout/PhoneLayout';
import { useNarrowScreen } from './components/layout/useNarrowScreen';
import { useDataDrop } from './components/data/useDataDrop';
import { ShortcutsDialog } from './components/shortcuts/ShortcutsDialog';
import { LazySuiteView } from './components/lazyPanels';
import { useKeyboardShortcuts } from './components/shortcuts/useKeyboardShortcuts';
import { useRun } from './store/context';

/**
 * The page: the full lab, its phone layout on a narrow screen (not in presentation mode, which keeps
 * its own), or the embedded layout; with its shortcuts.
 */
export function App() {
  const presentation = useRun((s) => s.presentation);
  const embed = useRun((s) => s.embed);
  const view = useRun((s) => s.view);
  const inLesson = useRun((s) => s.lesson !== null);
  const narrow = useNarrowScreen();
  const { t } = useTranslation();
  useKeyboardShortcuts();
  const dragging = useDataDrop();
  const className = [
    'app',
    presentation && 'presenting',
    embed && 'embedded',
    narrow && !embed && !presentation && 'phone',
    dragging && 'dragging-file',
    inLesson && 'in-lesson',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className} data-testid="app">
      {view === 'suite' ? (
        <LazySuiteView />
      ) : embed ? (
        <EmbedLayout />
      ) : narrow && !presentation ? (
        <PhoneLayout />
      ) : (
        <FullLayout />
      )}
      <ShortcutsDialog />
      {dragging && (
        <div className="drop-hint" aria-hidden="true">
          {t('app.dropHint')}
        </div>
      )}
    </div>
  );
}
