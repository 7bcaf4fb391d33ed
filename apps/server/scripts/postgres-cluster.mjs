// A throwaway PostgreSQL cluster for the tests and the bench: initdb in a temporary directory, started on a free
// loopback port, stopped and removed at the end. As root (CI, the dev container) it runs as the `postgres` user.
// Types: postgres-cluster.d.mts.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

/** The directory holding `initdb` and `pg_ctl`: PATH first, then Debian's `/usr/lib/postgresql/<major>/bin`. */
export function findPostgresBin() {
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (found) return dirname(realpathSync(found));
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a cluster (`settings`: extra `-c name=value` server settings); `undefined` when PostgreSQL is not installed. */
export async function startPostgresCluster(settings = {}) {
  const bin = findPostgresBin();
  if (bin === undefined) return undefined;
  const root = mkdtempSync(join(tmpdir(), 'promoscale-pg-'));
  const asRoot = process.getuid?.() === 0;
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  const uid = asRoot ? id('-u') : undefined;
  const gid = asRoot ? id('-g') : undefined;
  if (uid !== undefined && gid !== undefined) chownSync(root, uid, gid);
  const run = (command, args) => {
    const result = spawnSync(command, args, {
      encoding: 'utf8',
      uid,
      gid,
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
    });
    if (result.status !== 0) {
      throw new Error(
        `${command} ${args.join(' ')} failed: ${result.stderr || result.stdout || result.error}`,
      );
    }
    return result.stdout;
  };
  const data = join(root, 'data');
  const port = await freePort();
  const options = Object.entries({ fsync: 'off', synchronous_commit: 'off', ...settings })
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  run(join(bin, 'initdb'), [
    '-D',
    data,
    '--auth=trust',
    '--username=postgres',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} ${options}`,
    '-l',
    join(root, 'log.txt'),
    '-w',
    'start',
  ]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
