import type { WorkerRequest, WorkerResponse } from './worker-protocol.js';

/** A browser `Worker` (or anything shaped like one). */
export interface WebWorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** A Node `worker_threads` Worker (or anything shaped like one). */
export interface NodeWorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (value: unknown) => void): unknown;
  on(event: 'messageerror' | 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (exitCode: number) => void): unknown;
  terminate(): unknown;
  ref?(): void;
  unref?(): void;
}

/** A Web Worker or a Node `worker_threads` Worker running the promoscale worker script. */
export type WorkerLike = WebWorkerLike | NodeWorkerLike;

/**
 * Which worker to run: the URL (or, in Node, a file path) of a promoscale worker script, or a function that creates
 * the worker. Without it, the built package starts its own script: `node-worker.js` in Node, `worker.js` as a
 * module worker in browsers.
 */
export type WorkerSource = URL | string | (() => WorkerLike);

/** The main thread's side of the channel: what the iterator needs from a worker, in either runtime. */
export interface WorkerConnection {
  post(request: WorkerRequest): void;
  terminate(): void;
  /** Node only: whether the worker keeps the process alive (it should only while someone waits for it). */
  hold(held: boolean): void;
}

/** What the connection reports. */
export interface WorkerHandlers {
  message(message: WorkerResponse): void;
  error(error: Error): void;
}

// Not string literals inside `new URL(...)`: bundlers would copy the Node script into browser builds.
const NODE_WORKER_FILE = './node-worker.js';

interface NodeProcess {
  versions?: { node?: string } | undefined;
  execArgv?: string[] | undefined;
  getBuiltinModule?: ((id: string) => unknown) | undefined;
}

type NodeWorkerConstructor = new (file: URL | string, options?: { execArgv: string[] }) => NodeWorkerLike;

/**
 * The flags to give a worker explicitly, or `undefined` to let it inherit the process's own: only when they hold
 * `--input-type`, under which Node refuses to start a worker from a file (`node --input-type=module -e "…"` would
 * fail with ERR_INPUT_TYPE_NOT_ALLOWED). Flags given explicitly are validated, so inheriting is the default.
 */
export function workerExecArgv(execArgv: readonly string[]): string[] | undefined {
  if (!execArgv.some((arg) => arg === '--input-type' || arg.startsWith('--input-type='))) return undefined;
  const kept: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (arg === '--input-type') i++;
    else if (!arg.startsWith('--input-type=')) kept.push(arg);
  }
  return kept;
}

function createNodeWorker(source: URL | string | undefined): NodeWorkerLike | null {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (typeof proc?.versions?.node !== 'string' || typeof proc.getBuiltinModule !== 'function') return null;
  // getBuiltinModule (Node >= 20.16) instead of an import: browser bundles of this module stay free of `node:`.
  const { Worker } = proc.getBuiltinModule('node:worker_threads') as { Worker: NodeWorkerConstructor };
  const file = source ?? new URL(NODE_WORKER_FILE, import.meta.url);
  const execArgv = workerExecArgv(proc.execArgv ?? []);
  if (!execArgv) return new Worker(file);
  try {
    return new Worker(file, { execArgv });
  } catch (error) {
    // A process-wide flag among them (e.g. --expose-gc) is refused when given explicitly: start with none.
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(file, { execArgv: [] });
  }
}

/** Starts the worker `source` names, or the package's own script for this runtime. */
export function createWorker(source: WorkerSource | undefined): WorkerLike {
  if (typeof source === 'function') return source();
  const nodeWorker = createNodeWorker(source);
  if (nodeWorker) return nodeWorker;
  if (typeof globalThis.Worker === 'function') {
    // This exact shape lets webpack and Vite find and bundle the worker script.
    return source === undefined
      ? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
      : new Worker(source, { type: 'module' });
  }
  throw new Error('streamPromotionsInWorker needs worker_threads (Node >= 20.16) or a global Worker');
}

function isNodeWorker(worker: WorkerLike): worker is NodeWorkerLike {
  return typeof (worker as NodeWorkerLike).on === 'function';
}

/** Wires a worker of either runtime to `handlers`. Terminating is idempotent. */
export function connectWorker(worker: WorkerLike, handlers: WorkerHandlers): WorkerConnection {
  let terminated = false;
  const terminate = () => {
    if (terminated) return;
    terminated = true;
    const result = worker.terminate() as unknown;
    // Node's terminate() returns a promise; nothing to wait for, but never leave a rejection unhandled.
    if (result instanceof Promise) result.catch(() => {});
  };

  if (isNodeWorker(worker)) {
    worker.on('message', (message) => handlers.message(message as WorkerResponse));
    worker.on('messageerror', (error) =>
      handlers.error(new Error('promoscale worker message could not be read', { cause: error })),
    );
    worker.on('error', (error) =>
      handlers.error(new Error(`promoscale worker failed: ${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => {
      if (!terminated)
        handlers.error(new Error(`promoscale worker exited (code ${code}) before it finished`));
    });
    return {
      post: (request) => {
        if (!terminated) worker.postMessage(request);
      },
      terminate,
      hold: (held) => (held ? worker.ref?.() : worker.unref?.()),
    };
  }

  worker.addEventListener('message', (event) =>
    handlers.message((event as MessageEvent<WorkerResponse>).data),
  );
  worker.addEventListener('messageerror', () =>
    handlers.error(new Error('promoscale worker message could not be read')),
  );
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const message = (event as ErrorEvent).message || 'the worker script failed to load or threw';
    handlers.error(new Error(`promoscale worker failed: ${message}`));
  });
  return {
    post: (request) => {
      if (!terminated) worker.postMessage(request, []);
    },
    terminate,
    hold: () => {},
  };
}
