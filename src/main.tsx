/** Entry point: wires the store to the URL and to the training worker, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { registerOfflineSupport } from './offline';
import { RunStoreContext } from './store/context';
import { createRunStore } from './store/runStore';
import { syncConfigWithUrl } from './store/urlSync';
import { createWorkerHost } from './worker/client';
import './styles.css';
import './styles/widgets.css';
import './styles/explainer.css';
import './styles/panels.css';
import './styles/modes.css';
import './styles/phone.css';
import './styles/touch.css';
import './styles/data.css';

const store = createRunStore(createWorkerHost((message) => store.getState().receive(message)));
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
