import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BackgroundTask, createBackgroundQueue } from './create-background-queue.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that records its start and settles when the test says so (or rejects when interrupted). */
function controlledTask(log: string[], name: string, { rejectOnInterrupt = true } = {}) {
  let finish: () => void = () => {};
  const task: BackgroundTask = (interrupted) =>
    new Promise<void>((resolve, reject) => {
      log.push(`start ${name}`);
      finish = () => {
        log.push(`end ${name}`);
        resolve();
      };
      interrupted.addEventListener('abort', () => {
        log.push(`interrupted ${name}`);
        if (rejectOnInterrupt) reject(interrupted.reason);
      });
    });
  return { task, finish: () => finish() };
}

describe('createBackgroundQueue', () => {
  it('starts a task only once no block has been asked for during quietMs', async () => {
    const log: string[] = [];
    const queue = createBackgroundQueue({ signal: new AbortController().signal, quietMs: 100 });
    const first = queue.busy();
    queue.add(controlledTask(log, 'a').task);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual([]);
    first();
    await vi.advanceTimersByTimeAsync(99);
    const second = queue.busy();
    second();
    await vi.advanceTimersByTimeAsync(99);
    expect(log).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(log).toEqual(['start a']);
  });

  it('runs tasks one at a time, in the order they were added', async () => {
    const log: string[] = [];
    const queue = createBackgroundQueue({ signal: new AbortController().signal, quietMs: 0 });
    const a = controlledTask(log, 'a');
    const b = controlledTask(log, 'b');
    queue.add(a.task);
    queue.add(b.task);
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['start a']);
    a.finish();
    await vi.advanceTimersByTimeAsync(10);
    expect(log).toEqual(['start a', 'end a', 'start b']);
  });

  it('interrupts the running task when a block is asked for, and runs it again once the grid is quiet', async () => {
    const log: string[] = [];
    const queue = createBackgroundQueue({ signal: new AbortController().signal, quietMs: 50 });
    const a = controlledTask(log, 'a');
    queue.add(a.task);
    queue.add(controlledTask(log, 'b').task);
    await vi.advanceTimersByTimeAsync(50);
    const end = queue.busy();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['start a', 'interrupted a']);
    end();
    await vi.advanceTimersByTimeAsync(50);
    expect(log).toEqual(['start a', 'interrupted a', 'start a']);
    a.finish();
    await vi.advanceTimersByTimeAsync(50);
    expect(log.slice(3)).toEqual(['end a', 'start b']);
  });

  it('does not run again a task that finished although it was interrupted', async () => {
    const log: string[] = [];
    const queue = createBackgroundQueue({ signal: new AbortController().signal, quietMs: 0 });
    const a = controlledTask(log, 'a', { rejectOnInterrupt: false });
    queue.add(a.task);
    await vi.advanceTimersByTimeAsync(0);
    const end = queue.busy();
    a.finish();
    end();
    await vi.advanceTimersByTimeAsync(100);
    expect(log).toEqual(['start a', 'interrupted a', 'end a']);
  });

  it('drops a task that fails on its own and goes on with the next', async () => {
    const ran: string[] = [];
    const queue = createBackgroundQueue({ signal: new AbortController().signal, quietMs: 0 });
    queue.add(async () => {
      ran.push('a');
      throw new Error('the server is down');
    });
    queue.add(async () => {
      ran.push('b');
    });
    await vi.advanceTimersByTimeAsync(100);
    expect(ran).toEqual(['a', 'b']);
  });

  it('drops the queued tasks and interrupts the running one when its signal aborts', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const queue = createBackgroundQueue({ signal: controller.signal, quietMs: 0 });
    queue.add(controlledTask(log, 'a').task);
    queue.add(controlledTask(log, 'b').task);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();
    queue.add(controlledTask(log, 'c').task);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(log).toEqual(['start a', 'interrupted a']);
  });
});
