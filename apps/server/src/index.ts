export {
  type Database,
  DatabaseClosedError,
  type DatabaseKind,
  DEFAULT_DATA_DIR,
  DEFAULT_STATEMENT_TIMEOUT_MS,
  type OpenDatabaseOptions,
  type SqlRow,
  type SqlSession,
} from './database/database.js';
export { openDatabase } from './database/open-database.js';
export {
  createServerFetch,
  DEFAULT_MAX_IN_FLIGHT,
  type ServerFetch,
  type ServerFetchOptions,
} from './http/server-fetch.js';
export { type RunningServer, type StartServerOptions, startServer } from './http/start-server.js';
export { type DatasetState, readDataset } from './seed/dataset-state.js';
export {
  type SeedOptions,
  type SeedProgress,
  type SeedResult,
  type SeedStep,
  type SeedTimings,
  seedDatabase,
} from './seed/seed-database.js';
export { createSqlSource, DatasetNotReadyError, type SqlSourceOptions } from './source/create-sql-source.js';
