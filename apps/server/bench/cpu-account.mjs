// CPU seconds of the bench's Node process and of a local PostgreSQL cluster, step by step of a seed: which side
// a step waits on, and the lowest time its core-seconds allow on this machine's cores. Types: cpu-account.d.mts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Clock ticks a second of /proc/<pid>/stat's times: the system's `CLK_TCK` (100 on Linux as Node runs it). */
const TICKS = clockTicks();

function clockTicks() {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isSafeInteger(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/**
 * utime, stime, cutime, cstime and the parent of /proc/<pid>/stat's text, in clock ticks (the command name in
 * parentheses may hold spaces: the fields are read after its closing parenthesis).
 */
export function parseProcStat(text) {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state (3), ppid (4), … utime (14), stime (15), cutime (16), cstime (17).
  const at = (n) => Number(fields[n - 3]);
  return { ppid: at(4), utime: at(14), stime: at(15), cutime: at(16), cstime: at(17) };
}

function readStat(pid) {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone, or not Linux
  }
}

/**
 * CPU ticks of the postmaster `postmaster` and every process it runs, by pid. Children that ended (parallel
 * workers, closed connections) are in the postmaster's cutime/cstime once it reaped them, so the sum over a
 * step counts them too.
 */
function clusterTicks(postmaster) {
  const byPid = new Map();
  const root = readStat(postmaster);
  if (root === undefined) return byPid;
  byPid.set(postmaster, root.utime + root.stime + root.cutime + root.cstime);
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(name);
    if (stat?.ppid === postmaster) byPid.set(Number(name), stat.utime + stat.stime);
  }
  return byPid;
}

/**
 * Snapshots CPU time at each step; `postmaster` is the cluster's postmaster pid (undefined: Node only).
 * `account()` answers, per step: wall ms, Node core-s, PostgreSQL core-s, and the busiest PostgreSQL process.
 */
export function createCpuAccount(postmaster) {
  const marks = [];
  return {
    mark(step) {
      marks.push({
        step,
        at: performance.now(),
        node: process.cpuUsage(),
        loop: performance.eventLoopUtilization(),
        pg: postmaster === undefined ? new Map() : clusterTicks(postmaster),
      });
    },
    account() {
      const steps = [];
      for (let i = 1; i < marks.length; i++) {
        const from = marks[i - 1];
        const to = marks[i];
        let pgTicks = 0;
        let busiest = 0;
        for (const [pid, ticks] of to.pg) {
          const spent = ticks - (from.pg.get(pid) ?? 0);
          pgTicks += spent;
          if (pid !== postmaster) busiest = Math.max(busiest, spent);
        }
        // A process that ended between the marks is in the postmaster's cutime with all its life: take off
        // what it had spent before the first mark.
        for (const [pid, ticks] of from.pg) if (!to.pg.has(pid)) pgTicks -= ticks;
        steps.push({
          step: from.step,
          wallMs: to.at - from.at,
          nodeSeconds: (to.node.user - from.node.user + to.node.system - from.node.system) / 1e6,
          pgSeconds: pgTicks / TICKS,
          busiestPgSeconds: busiest / TICKS,
          // The share of the step Node's main thread ran (the rest it waited, e.g. for PostgreSQL).
          nodeBusy: performance.eventLoopUtilization(to.loop, from.loop).utilization,
        });
      }
      return steps;
    },
  };
}

/** The postmaster's pid: the parent of the backend serving `db`'s `SELECT pg_backend_pid()`. */
export async function postmasterOf(db) {
  const backend = Number((await db.query('SELECT pg_backend_pid()'))[0]?.[0]);
  return readStat(backend)?.ppid;
}

/**
 * The lowest wall time core-seconds allow: each step's Node and PostgreSQL core-seconds spread over `cores`,
 * but never less than its busiest single process (one thread cannot use two cores), steps one after another.
 */
export function lowestSeconds(steps, cores = availableParallelism()) {
  return steps.reduce(
    (sum, { nodeSeconds, pgSeconds, busiestPgSeconds }) =>
      sum + Math.max((nodeSeconds + pgSeconds) / cores, busiestPgSeconds),
    0,
  );
}
