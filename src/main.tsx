/** Entry point: wires the training worker to the store, the store to the URL, and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { RunStoreContext } from './store/context';
import { createRunStore } from './store/runStore';
import { syncConfigWithUrl } from './store/urlSync';
import { startTrainingWorker } from './worker/client';
import './styles.css';

const worker = startTrainingWorker((message) => store.getState().receive(message));
const store = createRunStore(worker);
syncConfigWithUrl(store, window);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('missing #root element');
createRoot(rootElement).render(
  <StrictMode>
    <RunStoreContext.Provider value={store}>
      <App />
    </RunStoreContext.Provider>
  </StrictMode>,
);
