import { Worker } from 'node:worker_threads';
import { type DatasetSpec, PromoscaleError } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { collect, ENCODINGS, expectRowsWithEncoding, rowsOf, TEMPLATES } from '../../tests/support/chunks.js';
import { loadSingleBatch } from '../loading/load-single-batch.js';
import { streamPromotions } from '../loading/stream-promotions.js';
import type { WorkerLike } from './connect-worker.js';
import { streamPromotionsInWorker } from './stream-promotions-in-worker.js';

/**
 * How these tests find the worker script: they run the TypeScript source (`node-worker.ts`) in a real
 * `worker_threads` Worker with tsx's loader registered inside it, so they need no build. The built package's own
 * lookup of `dist/node-worker.js` is covered by tests/built-package.test.ts.
 */
const TSX_API = import.meta.resolve('tsx/esm/api');
const NODE_WORKER_SOURCE = new URL('./node-worker.ts', import.meta.url).href;

interface TrackedWorker {
  worker: Worker;
  exited: Promise<number>;
  /** Chunk messages the worker sent so far (counted on the main thread). */
  chunksSent: () => number;
}

function sourceWorker(script = NODE_WORKER_SOURCE): { factory: () => WorkerLike; started: TrackedWorker[] } {
  const started: TrackedWorker[] = [];
  const factory = () => {
    const worker = new Worker(
      `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); });`,
      { eval: true },
    );
    let chunks = 0;
    worker.on('message', (message: { type: string }) => {
      if (message.type === 'chunk') chunks++;
    });
    const exited = new Promise<number>((resolve) => worker.once('exit', resolve));
    started.push({ worker, exited, chunksSent: () => chunks });
    return worker;
  };
  return { factory, started };
}

describe('streamPromotionsInWorker (Node worker_threads)', () => {
  describe.each(TEMPLATES)('with templates %s', (templates) => {
    const spec: DatasetSpec = { stores: 137, templates, seed: 'worker', asOf: '2026-02-16' };

    it.each(ENCODINGS)('returns the in-process chunks and rows with the %s encoding', async (encoding) => {
      const { factory, started } = sourceWorker();
      const inWorker = await collect(
        streamPromotionsInWorker(spec, { chunkSize: 25, encoding, worker: factory }),
      );
      const inProcess = await collect(streamPromotions(spec, { chunkSize: 25 }));

      expect(inWorker.map((c) => [c.index, c.startStore, c.endStore, c.storeIds])).toEqual(
        inProcess.map((c) => [c.index, c.startStore, c.endStore, c.storeIds]),
      );
      expect(JSON.stringify(rowsOf(inWorker))).toBe(JSON.stringify(loadSingleBatch(spec).promotions));
      expectRowsWithEncoding(rowsOf(inWorker), rowsOf(inProcess), encoding);
      expect(started).toHaveLength(1);
      await started[0]?.exited; // terminated once every chunk arrived
    });
  });

  it('uses the default encoding and chunks of 10 stores', async () => {
    const { factory } = sourceWorker();
    const chunks = await collect(streamPromotionsInWorker({ stores: 31 }, { worker: factory }));
    expect(chunks.map((c) => c.storeIds.length)).toEqual([10, 10, 10, 1]);
    expect(JSON.stringify(rowsOf(chunks))).toBe(JSON.stringify(loadSingleBatch({ stores: 31 }).promotions));
  });

  it('keeps the worker at most `prefetch` chunks ahead of the consumer', async () => {
    const { factory, started } = sourceWorker();
    const stream = streamPromotionsInWorker(
      { stores: 1_000 },
      { chunkSize: 10, prefetch: 2, worker: factory },
    );
    await stream.next();
    // A slow consumer: wait until the worker has used its credits, then a while longer; it must wait too.
    const sent = () => started[0]?.chunksSent() ?? 0;
    for (let waited = 0; sent() < 3 && waited < 5_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent()).toBe(3); // the chunk consumed + 2 in flight, not 100
    await stream.return?.();
    await started[0]?.exited;
  });

  it('terminates the worker when the consumer breaks out early', async () => {
    const { factory, started } = sourceWorker();
    for await (const chunk of streamPromotionsInWorker(
      { stores: 5_000 },
      { chunkSize: 10, worker: factory },
    )) {
      expect(chunk.index).toBe(0);
      break;
    }
    await expect(started[0]?.exited).resolves.toBe(1); // exit code 1: terminate()d
  });

  it('rejects the pending chunk with the signal reason on abort and terminates the worker', async () => {
    const { factory, started } = sourceWorker();
    const controller = new AbortController();
    const stream = streamPromotionsInWorker(
      { stores: 100_000 },
      { chunkSize: 5_000, signal: controller.signal, worker: factory },
    );
    const pending = stream.next();
    setTimeout(() => controller.abort(new Error('tab closed')), 5);
    await expect(pending).rejects.toThrow('tab closed');
    await expect(stream.next()).rejects.toThrow('tab closed');
    await started[0]?.exited;
  });

  it('does not start a worker when the signal has already aborted', async () => {
    const { factory, started } = sourceWorker();
    const stream = streamPromotionsInWorker(
      { stores: 10 },
      { signal: AbortSignal.abort('nope'), worker: factory },
    );
    await expect(stream.next()).rejects.toBe('nope');
    expect(started).toHaveLength(0);
  });

  it('throws PromoscaleError at the call, before any worker starts, for an invalid spec or options', () => {
    const { factory, started } = sourceWorker();
    expect(() => streamPromotionsInWorker({ stores: 0 }, { worker: factory })).toThrow(PromoscaleError);
    expect(() => streamPromotionsInWorker({ stores: 5 }, { chunkSize: 0, worker: factory })).toThrow(
      /chunkSize must be an integer/,
    );
    expect(() => streamPromotionsInWorker({ stores: 5 }, { encoding: 'xml' as never })).toThrow(
      `options.encoding must be one of 'clone', 'json-bytes'; received "xml"`,
    );
    expect(() => streamPromotionsInWorker({ stores: 5 }, { prefetch: 0, worker: factory })).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTION', field: 'options.prefetch' }),
    );
    expect(started).toHaveLength(0);
  });

  it('rejects with an error naming the worker when its script cannot load', async () => {
    const { factory } = sourceWorker(new URL('./missing-worker.ts', import.meta.url).href);
    await expect(streamPromotionsInWorker({ stores: 10 }, { worker: factory }).next()).rejects.toThrow(
      /^promoscale worker failed: /,
    );
  });
});
