/// <reference types="vite/client" />
import { StreamingGrid } from '@promoscale/react-grid';
import PromoscaleWorker from '@promoscale/scaling/worker?worker'; // Vite

export const OwnWorker = () => (
  <StreamingGrid spec={{ stores: 500 }} createWorker={() => new PromoscaleWorker()} />
);
// or, any bundler: createWorker={() => new Worker(new URL('./my-worker.ts', import.meta.url), { type: 'module' })}
// where my-worker.ts is `import '@promoscale/scaling/worker';`
