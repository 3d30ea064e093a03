import { Notices } from '../Notices';
import { Readouts } from '../Readouts';
import { StartPauseButton } from '../StartPauseButton';
import { MainSliders } from '../controls/MainSliders';
import { EstimatePlot } from '../plot/EstimatePlot';
import { OpenFullLabLink } from './OpenFullLabLink';

/**
 * The compact layout for an iframe in lecture slides (`embed=1`): Start, the headline readouts, the
 * plot with its legend, the main sliders, and a link to the full lab with the same settings.
 */
export function EmbedLayout() {
  return (
    <main className="embed-layout">
      <div className="embed-bar">
        <StartPauseButton />
        <Readouts />
        <OpenFullLabLink />
      </div>
      <Notices />
      <EstimatePlot />
      <MainSliders />
    </main>
  );
}
