import { useTranslation } from 'react-i18next';
import { CeilingNotice } from '../CeilingNotice';
import { SettingsPanel } from '../controls/SettingsPanel';
import { Explainer } from '../explainer/Explainer';
import { Notices } from '../Notices';
import { EstimatePlot } from '../plot/EstimatePlot';
import { PresetSelect, PresetWatch } from '../Presets';
import { Readouts } from '../Readouts';
import { RunControls } from '../RunControls';
import { SlowStepNotice } from '../SlowStepNotice';
import { LessonStatus } from '../lesson/LessonMenu';
import { LazyCriticPanel, LazyLabFooter, LazyLessonPlayer, LazySweepPanel } from '../lazyPanels';
import { useHiddenPanels } from '../lesson/useHidden';
import { useRun } from '../../store/context';
import { Tagline } from './LabText';
import { MoreMenu } from './MoreMenu';

/**
 * The lab on a narrow screen (a phone, upright or sideways): the title, Start / Step / Reset, the
 * presets as one menu and the other actions behind "More"; then the plot with the headline readouts
 * (true MI, estimate, step) above it (beside it when sideways), so the curve is on the first screen;
 * then the lesson's step (when one is open), what to watch, the other readouts, the settings, the critic, sweeps and the explanation.
 */
export function PhoneLayout() {
  const { t } = useTranslation();
  const inLesson = useRun((s) => s.lesson !== null);
  const hide = useHiddenPanels();
  return (
    <>
      <header className="phone-header">
        <h1>{t('app.title')}</h1>
        <MoreMenu />
        <Tagline />
        <div className="phone-bar">
          <RunControls exports={false} />
          {!hide.presets && <PresetSelect />}
        </div>
      </header>
      <Notices />
      <LessonStatus />
      <main className="phone-layout">
        <div className="phone-plot">
          <Readouts part="headline" />
          <EstimatePlot />
        </div>
        {inLesson && <LazyLessonPlayer />}
        {!hide.presets && <PresetWatch />}
        <CeilingNotice />
        <SlowStepNotice />
        <Readouts part="details" />
        <SettingsPanel />
        {!hide.critic && <LazyCriticPanel />}
        {!hide.sweep && <LazySweepPanel />}
        {!hide.explainer && <Explainer />}
      </main>
      <LazyLabFooter />
    </>
  );
}
