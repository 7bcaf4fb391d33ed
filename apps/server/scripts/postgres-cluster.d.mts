/** A running throwaway PostgreSQL cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  readonly url: string;
  /** Creates an empty database and answers its connection string. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its directory. */
  stop(): void;
}

/** The directory holding `initdb` and `pg_ctl`, or `undefined` when PostgreSQL is not installed. */
export function findPostgresBin(): string | undefined;

/** Starts a cluster on a free loopback port; `undefined` when PostgreSQL is not installed. */
export function startPostgresCluster(
  settings?: Record<string, string | number>,
): Promise<PostgresCluster | undefined>;
