import type { DatasetSpec, StoreChunk } from '@promoscale/generator';
import BuiltWorker from '@promoscale/scaling/worker?worker';
import { describe, expect, it } from 'vitest';
import { type StreamInWorkerOptions, streamPromotionsInWorker } from '../../src/index.js';
import SourceWorker from '../../src/workers/worker.ts?worker';
import {
  batchRows,
  collect,
  ENCODINGS,
  expectRowsWithEncoding,
  rowsOf,
  TEMPLATES,
} from '../support/chunks.js';

/**
 * Runs in Chromium with real module Web Workers (vitest.browser.config.ts). The main tests start the TypeScript
 * worker script the way the README tells Vite users to: `new Worker(new URL(…, import.meta.url), { type:
 * 'module' })`, which Vite's worker plugin serves (and its build bundles) with the script's own imports.
 */
const sourceWorkerUrl = () =>
  new Worker(new URL('../../src/workers/worker.ts', import.meta.url), { type: 'module' });

interface TrackedWorker {
  worker: Worker;
  /** Chunk messages the worker sent so far (counted on the main thread). */
  chunks: () => number;
  /** Chunk messages that arrived after `terminate()`. */
  chunksAfterTerminate: () => number;
  terminated: () => number;
}

/** A factory for `options.worker` that records what each worker it starts does. */
function tracked(create: () => Worker = sourceWorkerUrl): {
  factory: () => Worker;
  started: TrackedWorker[];
} {
  const started: TrackedWorker[] = [];
  const factory = () => {
    const worker = create();
    let chunks = 0;
    let chunksAfterTerminate = 0;
    let terminated = 0;
    worker.addEventListener('message', (event: MessageEvent<{ type: string }>) => {
      if (event.data.type !== 'chunk') return;
      chunks++;
      if (terminated > 0) chunksAfterTerminate++;
    });
    const terminate = worker.terminate.bind(worker);
    worker.terminate = () => {
      terminated++;
      terminate();
    };
    started.push({
      worker,
      chunks: () => chunks,
      chunksAfterTerminate: () => chunksAfterTerminate,
      terminated: () => terminated,
    });
    return worker;
  };
  return { factory, started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('streamPromotionsInWorker in Chromium (module Web Worker)', () => {
  it('runs on a browser Worker, not a Node one', () => {
    expect(typeof Worker).toBe('function');
    expect((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node).toBe(
      undefined,
    );
  });

  describe.each(TEMPLATES)('with templates %s', (templates) => {
    const spec: Required<DatasetSpec> = {
      stores: 137,
      templates,
      seed: 'browser-worker',
      asOf: '2026-02-16',
    };

    it.each(ENCODINGS)('returns processBatch(1, n) rows with the %s encoding', async (encoding) => {
      const { factory, started } = tracked();
      const chunks = await collect(
        streamPromotionsInWorker(spec, { chunkSize: 25, encoding, worker: factory }),
      );
      const expected = batchRows(spec);

      expect(chunks.map((c) => [c.index, c.startStore, c.endStore, c.storeIds.length])).toEqual([
        [0, 1, 25, 25],
        [1, 26, 50, 25],
        [2, 51, 75, 25],
        [3, 76, 100, 25],
        [4, 101, 125, 25],
        [5, 126, 137, 12],
      ]);
      expect(rowsOf(chunks)).toHaveLength(137 * 30);
      expect(JSON.stringify(rowsOf(chunks))).toBe(JSON.stringify(expected));
      expectRowsWithEncoding(rowsOf(chunks), expected, encoding);
      expect(started).toHaveLength(1);
      expect(started[0]?.chunks()).toBe(6);
      expect(started[0]?.terminated()).toBe(1); // terminated once every chunk arrived
    });

    it('gives equal rows with both encodings', async () => {
      const [clone, jsonBytes] = await Promise.all(
        ENCODINGS.map((encoding) =>
          collect(streamPromotionsInWorker(spec, { chunkSize: 40, encoding, worker: sourceWorkerUrl })),
        ),
      );
      expect(JSON.stringify(rowsOf(jsonBytes as StoreChunk[]))).toBe(
        JSON.stringify(rowsOf(clone as StoreChunk[])),
      );
      expect(rowsOf(jsonBytes as StoreChunk[])).toEqual(
        JSON.parse(JSON.stringify(rowsOf(clone as StoreChunk[]))),
      );
    });
  });

  it('terminates the worker on abort: the pending next() rejects and the worker answers nothing more', async () => {
    const { factory, started } = tracked();
    const controller = new AbortController();
    const stream = streamPromotionsInWorker(
      { stores: 100_000 },
      { chunkSize: 20, signal: controller.signal, worker: factory },
    );
    const pending = stream.next(); // starts the worker
    controller.abort(new Error('tab closed'));
    await expect(pending).rejects.toThrow('tab closed');
    await expect(stream.next()).rejects.toThrow('tab closed');

    const [aborted] = started;
    expect(aborted?.terminated()).toBe(1);
    // A live worker answers credits with chunks (the control below); a terminated one never does.
    aborted?.worker.postMessage({ type: 'pull', credits: 5 });
    await sleep(500);
    expect(aborted?.chunks()).toBe(0);
    expect(aborted?.chunksAfterTerminate()).toBe(0);

    // Control: the same script, not terminated, answers a start request within that time.
    const control = sourceWorkerUrl();
    const answered = new Promise<string>((resolve) =>
      control.addEventListener('message', (event: MessageEvent<{ type: string }>) =>
        resolve(event.data.type),
      ),
    );
    control.postMessage({
      type: 'start',
      spec: { stores: 1, templates: 'MIXED', seed: 42, asOf: '2026-06-01' },
      chunkSize: 1,
      encoding: 'clone',
      credits: 1,
    });
    await expect(answered).resolves.toBe('chunk');
    control.terminate();
  });

  it('aborts a stream that is already running, after some chunks arrived', async () => {
    const { factory, started } = tracked();
    const controller = new AbortController();
    const stream = streamPromotionsInWorker(
      { stores: 100_000 },
      { chunkSize: 50, signal: controller.signal, worker: factory },
    );
    const first = await stream.next();
    expect(first.done).toBe(false);
    controller.abort(new Error('user cancelled'));
    await expect(stream.next()).rejects.toThrow('user cancelled');
    expect(started[0]?.terminated()).toBe(1);
    const sent = started[0]?.chunks() ?? 0;
    await sleep(300);
    expect(started[0]?.chunks()).toBe(sent);
    expect(sent).toBeLessThanOrEqual(3); // the chunk consumed + at most `prefetch` (2) ahead, of 2,000
  });

  it('terminates the worker when the consumer breaks out early', async () => {
    const { factory, started } = tracked();
    for await (const chunk of streamPromotionsInWorker(
      { stores: 5_000 },
      { chunkSize: 10, worker: factory },
    )) {
      expect(chunk.index).toBe(0);
      break;
    }
    expect(started[0]?.terminated()).toBe(1);
  });

  it('does not start a worker when the signal has already aborted', async () => {
    const { factory, started } = tracked();
    const stream = streamPromotionsInWorker(
      { stores: 10 },
      { signal: AbortSignal.abort('nope'), worker: factory },
    );
    await expect(stream.next()).rejects.toBe('nope');
    expect(started).toHaveLength(0);
  });

  it('rejects with an error naming the worker when its script cannot load', async () => {
    const missing = `${location.origin}/no-such-promoscale-worker.js`;
    await expect(streamPromotionsInWorker({ stores: 10 }, { worker: missing }).next()).rejects.toThrow(
      /^promoscale worker failed: /,
    );
  });
});

describe('how a Vite app can start the worker', () => {
  const spec: Required<DatasetSpec> = { stores: 23, templates: 'MIXED', seed: 42, asOf: '2026-06-01' };
  const expected = JSON.stringify(batchRows(spec));

  /** Runs `run` and returns what it returned and the script URL of every Worker created meanwhile. */
  async function recordingWorkerUrls<T>(run: () => Promise<T>): Promise<{ result: T; urls: string[] }> {
    const urls: string[] = [];
    const NativeWorker = globalThis.Worker;
    globalThis.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        urls.push(String(url));
        super(url, options);
      }
    };
    try {
      return { result: await run(), urls };
    } finally {
      globalThis.Worker = NativeWorker;
    }
  }

  async function rowsWith(options: StreamInWorkerOptions = {}, stream = streamPromotionsInWorker) {
    const { result, urls } = await recordingWorkerUrls(() =>
      collect(stream(spec, { chunkSize: 10, ...options })),
    );
    return { json: JSON.stringify(rowsOf(result)), urls };
  }

  it('the default lookup (no `worker` option): new URL("./worker.js", import.meta.url) in connect-worker.ts', async () => {
    const { json, urls } = await rowsWith();
    expect(json).toBe(expected);
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/\/src\/workers\/worker\.ts\?worker_file&type=module$/);
  });

  it('a `?worker` import of the script', async () => {
    const { json, urls } = await rowsWith({ worker: () => new SourceWorker() });
    expect(json).toBe(expected);
    expect(urls).toEqual(['/src/workers/worker.ts?worker_file&type=module']);
  });

  it('a URL string or URL object naming the script', async () => {
    const url = new URL('../../src/workers/worker.ts', import.meta.url);
    expect((await rowsWith({ worker: url })).json).toBe(expected);
    expect((await rowsWith({ worker: url.href })).json).toBe(expected);
  });

  describe('the built package (dist/, as an app installs it)', () => {
    it("`import PromoscaleWorker from '@promoscale/scaling/worker?worker'`", async () => {
      const { json, urls } = await rowsWith({ worker: () => new BuiltWorker() });
      expect(json).toBe(expected);
      expect(urls).toEqual(['/dist/worker.js?worker_file&type=module']);
    });

    it("the built entry's default lookup of dist/worker.js", async () => {
      // Not a static import: the type check must not need dist/ (it runs before this package's build).
      const entry = new URL('../../dist/index.js', import.meta.url).href;
      const built = (await import(/* @vite-ignore */ entry)) as typeof import('../../src/index.js');
      const { json, urls } = await rowsWith({}, built.streamPromotionsInWorker);
      expect(json).toBe(expected);
      expect(urls).toHaveLength(1);
      expect(urls[0]).toMatch(/\/dist\/worker\.js\?worker_file&type=module$/);
    });
  });
});
