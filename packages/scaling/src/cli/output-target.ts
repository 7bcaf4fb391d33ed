import { randomBytes } from 'node:crypto';
import {
  close as closeCallback,
  constants,
  createWriteStream,
  fchmod as fchmodCallback,
  fchown as fchownCallback,
  fsync as fsyncCallback,
  open as openCallback,
  type Stats,
  type WriteStream,
} from 'node:fs';
import { access, lstat, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

// Plain descriptors, not FileHandles: a stream or a socket owns them, and a FileHandle would close its
// descriptor when garbage-collected.
const openFd = promisify(openCallback);
const closeFd = promisify(closeCallback);
const fchmod = promisify(fchmodCallback);
const fchown = promisify(fchownCallback);
const fsync = promisify(fsyncCallback);

/**
 * Where `generate --out` writes:
 * - `file`: a regular file (new, existing, or behind a symlink). The rows go to a temporary file beside it, which
 *   replaces it only once complete; until then the target keeps its old content, and a failure leaves it so.
 * - `special`: a character or block device, a FIFO, a socket or an open descriptor (`/dev/stdout`), written
 *   through and never removed.
 */
export interface OutputTarget {
  readonly kind: 'file' | 'special';
  /** The stream the rows go to. */
  readonly stream: Writable;
  /**
   * Ends the output: for a file, flushes the temporary file to disk and renames it over the target, unless
   * `signal` aborted first (then it rejects with the signal's reason and the target is left as it was).
   */
  commit(signal: AbortSignal): Promise<void>;
  /** Stops the output: closes it and, for a file, removes the temporary file. Never rejects. */
  discard(): Promise<void>;
  /** What became of the target after {@link discard}, for a message: `out.csv unchanged`. */
  readonly discardNote: string;
}

/** The output could not be opened: `cannot write <path>: <code>`. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly code: string;

  constructor(path: string, code: string) {
    super(`cannot write ${path}: ${code}`);
    this.code = code;
  }
}

/** The error code of a failed system call (`ENOSPC`), or undefined for other errors. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** A FIFO with no reader yet: try again this often. */
const FIFO_RETRY_MS = 50;

/**
 * Opens `path` for `generate --out` (see {@link OutputTarget}). Nothing that exists is modified or removed by
 * opening it; `signal` stops a wait (for a FIFO's reader, a socket's connection) with the signal's reason.
 * Throws {@link OutputError} when the target cannot be written: a directory, a file without write permission, a
 * folder that does not exist or where no temporary file can be created.
 */
export async function openOutput(path: string, signal: AbortSignal): Promise<OutputTarget> {
  signal.throwIfAborted();
  try {
    const output = await openTarget(path, signal);
    // Whoever writes listens for errors while writing; an error after that (a write that was in flight when
    // the output was discarded) has nobody to tell and must not crash the process mid-cleanup.
    output.stream.on('error', () => undefined);
    return output;
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const code = errnoCode(error);
    throw code === undefined ? error : new OutputError(path, code);
  }
}

async function openTarget(path: string, signal: AbortSignal): Promise<OutputTarget> {
  // `out/` names a folder (as for open(2)), never a file `out`.
  if (path.endsWith('/')) throw new OutputError(path, 'EISDIR');
  const target = await resolveLinks(path);
  if (target.descriptor) return throughTarget(path, await openDescriptor(path, signal));
  const stats = target.stats;
  if (stats === undefined || stats.isFile()) return await openFile(path, target.path, stats);
  if (stats.isDirectory()) throw new OutputError(path, 'EISDIR');
  if (stats.isFIFO()) return throughTarget(path, await openFifo(target.path, signal));
  if (stats.isSocket()) return throughTarget(path, await connectSocket(target.path, signal));
  return throughTarget(path, await openDevice(target.path, constants.O_WRONLY));
}

/**
 * Follows symbolic links to the path they end at, which may not exist (then `stats` is undefined). A link in
 * /proc (`/dev/stdout` is `/proc/self/fd/1`) names an open descriptor of a process, not a path: `descriptor`.
 */
async function resolveLinks(
  path: string,
): Promise<{ path: string; stats: Stats | undefined; descriptor: boolean }> {
  // Not path.resolve: it would drop `link/..` as text, where the system goes to the folder above the link's target.
  let current = absolute(process.cwd(), path);
  // Linux's own limit on links followed in one lookup.
  for (let hops = 0; hops <= 40; hops++) {
    let stats: Stats;
    try {
      // The folder's own links first (`/dev/fd` is `/proc/self/fd`), so a relative link resolves where it is.
      current = join(await realpath(dirname(current)), basename(current));
      stats = await lstat(current);
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return { path: current, stats: undefined, descriptor: false };
      throw error;
    }
    if (!stats.isSymbolicLink()) return { path: current, stats, descriptor: false };
    if (current.startsWith('/proc/')) return { path: current, stats, descriptor: true };
    current = absolute(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

/** `path` as the system reads it from `dir`, `..` left for realpath to follow. */
function absolute(dir: string, path: string): string {
  return isAbsolute(path) ? path : `${dir}/${path}`;
}

/**
 * `/dev/stdout`, `/dev/fd/N` and the like: written through what they are open on (a terminal, a pipe, a file the
 * shell redirected), appending, so that `>> log` keeps what the log holds.
 */
async function openDescriptor(path: string, signal: AbortSignal): Promise<Writable> {
  const stats = await stat(path);
  if (stats.isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
  if (stats.isFIFO()) return openFifo(path, signal);
  return openDevice(path, constants.O_WRONLY | constants.O_APPEND);
}

async function openFile(shown: string, real: string, existing: Stats | undefined): Promise<OutputTarget> {
  // Replacing a file is a write to it: refuse one we may not write, as writing in place would.
  if (existing) await access(real, constants.W_OK);
  const temp = join(dirname(real), `.${basename(real)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  // 'wx': never open anything that already exists under the temporary name.
  const fd = await openFd(temp, 'wx', 0o666);
  try {
    if (existing) {
      // The replacement keeps the old file's owner where we may set it (as root), and its permissions.
      await fchown(fd, existing.uid, existing.gid).catch(() => undefined);
      await fchmod(fd, existing.mode & 0o7777);
    }
  } catch (error) {
    await closeFd(fd);
    await rm(temp, { force: true });
    throw error;
  }
  // The stream owns the descriptor from here on (its destroy closes it).
  const stream: WriteStream = createWriteStream('', { fd, autoClose: false });
  let committed = false;
  const close = async () => {
    if (!stream.destroyed) stream.destroy();
    if (!stream.closed) await new Promise<void>((done) => stream.once('close', () => done()));
  };
  return {
    kind: 'file',
    stream,
    discardNote: existing ? `${shown} unchanged` : `${shown} not created`,
    async commit(signal) {
      stream.end();
      await finished(stream);
      // On disk before the rename, so a crash cannot leave an empty file where the old one was.
      await fsync(fd);
      await close();
      signal.throwIfAborted();
      await rename(temp, real);
      committed = true;
    },
    async discard() {
      await close().catch(() => undefined);
      if (!committed) await rm(temp, { force: true }).catch(() => undefined);
    },
  };
}

function throughTarget(shown: string, stream: Writable): OutputTarget {
  return {
    kind: 'special',
    stream,
    discardNote: `the output to ${shown} is incomplete`,
    async commit() {
      stream.end();
      await finished(stream, { readable: false });
    },
    async discard() {
      if (stream.destroyed) return;
      const closed = new Promise<void>((done) => stream.once('close', () => done()));
      stream.destroy();
      await closed;
    },
  };
}

/**
 * A FIFO, opened without blocking (a blocking open would wait in a thread that no signal can stop) and written
 * as a pipe, so that a reader that stops reading or goes away cannot hang the process.
 */
async function openFifo(path: string, signal: AbortSignal): Promise<Writable> {
  for (;;) {
    try {
      const fd = await openFd(path, constants.O_WRONLY | constants.O_NONBLOCK);
      return new Socket({ fd, readable: false, writable: true });
    } catch (error) {
      // ENXIO: no reader yet; wait for one as a blocking open would.
      if (errnoCode(error) !== 'ENXIO') throw error;
      await delay(FIFO_RETRY_MS, undefined, { signal });
    }
  }
}

async function connectSocket(path: string, signal: AbortSignal): Promise<Writable> {
  const socket = connect({ path, signal });
  await new Promise<void>((done, fail) => {
    socket.once('connect', done);
    socket.once('error', fail);
  });
  // What the other end sends back is not ours to keep.
  socket.resume();
  return socket;
}

async function openDevice(path: string, flags: number): Promise<Writable> {
  // No O_CREAT (a device that went away is not replaced by a file), no O_TRUNC.
  return createWriteStream('', { fd: await openFd(path, flags) });
}
