import { useTranslation } from 'react-i18next';
import { CeilingNotice } from '../CeilingNotice';
import { Explainer } from '../explainer/Explainer';
import { Notices } from '../Notices';
import { Presets } from '../Presets';
import { Readouts } from '../Readouts';
import { RunControls } from '../RunControls';
import { SlowStepNotice } from '../SlowStepNotice';
import { SettingsPanel } from '../controls/SettingsPanel';
import { EstimatePlot } from '../plot/EstimatePlot';
import { PresentationToggle } from '../presentation/PresentationToggle';
import { ShortcutsButton } from '../shortcuts/ShortcutsButton';
import { useRun } from '../../store/context';
import { LessonMenu, LessonStatus } from '../lesson/LessonMenu';
import { LazyCriticPanel, LazyLabFooter, LazyLessonPlayer, LazySweepPanel } from '../lazyPanels';
import { useHiddenPanels } from '../lesson/useHidden';
import { LanguageSwitch } from './LanguageSwitch';
import { Tagline } from './LabText';

/**
 * The whole lab: the lesson (when one is open) and settings on the left; presets, run controls, readouts, the live plot, the critic,
 * sweeps and the explanation on the right. Presentation mode hides the parts marked `secondary` with CSS and moves
 * the presets under the (then short) settings, leaving the right column to the plot. Panels that
 * `hide=` or the lesson's step names are left out.
 */
export function FullLayout() {
  const presentation = useRun((s) => s.presentation);
  const { t } = useTranslation();
  const inLesson = useRun((s) => s.lesson !== null);
  const hide = useHiddenPanels();
  const presets = !hide.presets && <Presets />;
  return (
    <>
      <header>
        <h1>{t('app.title')}</h1>
        <Tagline />
        <div className="header-tools">
          <LessonMenu />
          {!hide.suite && (
            <a className="secondary header-link" href="#view=suite" data-testid="open-suite">
              {t('app.openSuite')}
            </a>
          )}
          <LanguageSwitch />
          <ShortcutsButton />
          <PresentationToggle />
        </div>
      </header>
      <Notices />
      <LessonStatus />
      <main>
        <div className="side">
          {inLesson && <LazyLessonPlayer />}
          <SettingsPanel />
          {presentation && presets}
        </div>
        <div className="results">
          {!presentation && presets}
          <RunControls />
          <Readouts />
          <CeilingNotice />
          <SlowStepNotice />
          <EstimatePlot />
          {!hide.critic && <LazyCriticPanel />}
          {!hide.sweep && <LazySweepPanel />}
          {!hide.explainer && <Explainer />}
        </div>
      </main>
      <LazyLabFooter />
    </>
  );
}
