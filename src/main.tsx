/** Entry point: wires the store to the URL and to the training worker, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOfflineSupport } from './offline';
import { RunStoreContext } from './store/context';
import { createRunStore } from './store/runStore';
import { syncConfigWithUrl } from './store/urlSync';
import { SPEED_CACHE_KEY } from './protocol/backendSpeed';
import { createBackendTimer } from './worker/calibration';
import { createWorkerHost } from './worker/client';
import './styles.css';
import './styles/widgets.css';
import './styles/explainer.css';
import './styles/panels.css';
import './styles/modes.css';
import './styles/phone.css';
import './styles/touch.css';
import './styles/data.css';

/** The backend timings, kept in localStorage (when the browser allows it: it is only a cache). */
const speedStorage = {
  load: () => {
    try {
      return localStorage.getItem(SPEED_CACHE_KEY);
    } catch {
      return null;
    }
  },
  save: (text: string) => {
    try {
      localStorage.setItem(SPEED_CACHE_KEY, text);
    } catch {
      // storage full or forbidden: the timing is simply done again next time
    }
  },
};
const store = createRunStore(
  createWorkerHost((message) => store.getState().receive(message)),
  { restartDebounceMs: 300, timer: createBackendTimer(), speedStorage },
);
// The URL first (it may choose the backend), then the worker on that backend.
syncConfigWithUrl(store, window);
store.getState().connectWorker();
registerOfflineSupport((applyUpdate) => store.getState().offerUpdate(applyUpdate));

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
createRoot(rootElement).render(
  <StrictMode>
    <RunStoreContext.Provider value={store}>
      <App />
    </RunStoreContext.Provider>
  </StrictMode>,
);
