/** The fields of /proc/<pid>/stat the CPU account reads, in clock ticks. */
export interface ProcStat {
  ppid: number;
  utime: number;
  stime: number;
  cutime: number;
  cstime: number;
}
/** What one step of a seed cost. */
export interface StepCpu {
  step: string;
  wallMs: number;
  nodeSeconds: number;
  pgSeconds: number;
  busiestPgSeconds: number;
  /** The share of the step Node's main thread ran (event loop utilization), 0 to 1. */
  nodeBusy: number;
}
/** Reads /proc/<pid>/stat's text (the command name may hold spaces and parentheses). */
export declare function parseProcStat(text: string): ProcStat;
/** Snapshots CPU time at each step (`postmaster` undefined: Node only). */
export declare function createCpuAccount(postmaster: number | undefined): {
  mark(step: string): void;
  account(): StepCpu[];
};
/** The postmaster's pid: the parent of the backend serving `db`. */
export declare function postmasterOf(db: {
  query(sql: string): Promise<unknown[][]>;
}): Promise<number | undefined>;
/** The lowest wall time the steps' core-seconds allow on `cores` cores, steps one after another. */
export declare function lowestSeconds(
  steps: readonly Pick<StepCpu, 'nodeSeconds' | 'pgSeconds' | 'busiestPgSeconds'>[],
  cores?: number,
): number;
