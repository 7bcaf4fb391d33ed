export { canTransferStreams } from './browser/can-transfer-streams.js';
export {
  type SetupPromoscaleWorkerOptions,
  setupPromoscaleWorker,
} from './browser/setup-promoscale-worker.js';
