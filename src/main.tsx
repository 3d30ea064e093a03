/** Entry point: wires the store to the URL and to the training worker, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, showLanguage } from './i18n/i18n';
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
import './styles/lesson.css';

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
// The language: the link's (lang=), else the browser's; the catalogue loads before the first paint.
const i18n = await createI18n(store.getState().language);
store.subscribe((state, previous) => {
  if (state.language !== previous.language) void showLanguage(i18n, state.language);
});
createRoot(rootElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <RunStoreContext.Provider value={store}>
        <App />
      </RunStoreContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
