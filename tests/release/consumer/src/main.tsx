// The app starts @promoscale/msw's Service Worker, then renders rows it fetches from the mocked API.
import { setupPromoscaleWorker } from '@promoscale/msw/browser';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const worker = setupPromoscaleWorker({ dataset: { seed: 42, stores: 20 } });
worker.start({ onUnhandledRequest: 'bypass', quiet: true }).then(() => {
  createRoot(document.getElementById('root') as HTMLElement).render(<App />);
});
