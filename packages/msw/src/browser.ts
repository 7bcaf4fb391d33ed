export {
  type SetupPromoscaleWorkerOptions,
  setupPromoscaleWorker,
} from './browser/setup-promoscale-worker.js';
