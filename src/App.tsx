import { CeilingNotice } from './components/CeilingNotice';
import { Explainer } from './components/Explainer';
import { Notices } from './components/Notices';
import { Presets } from './components/Presets';
import { Readouts } from './components/Readouts';
import { RunControls } from './components/RunControls';
import { SlowStepNotice } from './components/SlowStepNotice';
import { SettingsPanel } from './components/controls/SettingsPanel';
import { CriticPanel } from './components/critic/CriticPanel';
import { EstimatePlot } from './components/plot/EstimatePlot';
import { SweepPanel } from './components/sweep/SweepPanel';

/** The page: settings on the left, presets, run controls, readouts and the live plot on the right. */
export function App() {
  return (
    <div className="app">
      <header>
        <h1>MINE Lab</h1>
        <p className="tagline">Watch a neural network estimate mutual information, live in your browser.</p>
      </header>
      <Notices />
      <main>
        <SettingsPanel />
        <div className="results">
          <Presets />
          <RunControls />
          <Readouts />
          <CeilingNotice />
          <SlowStepNotice />
          <EstimatePlot />
          <CriticPanel />
          <SweepPanel />
          <Explainer />
        </div>
      </main>
      <footer>
        Mutual Information Neural Estimation (Belghazi et al., ICML 2018), trained with TensorFlow.js in a Web
        Worker. Settings live in the URL: copy it to share this configuration; add <code>&amp;run=1</code> to
        start on load.
      </footer>
    </div>
  );
}
