export {
  type SetupPromoscaleServerOptions,
  setupPromoscaleServer,
} from './node/setup-promoscale-server.js';
