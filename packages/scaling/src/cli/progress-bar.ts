/** Where the bar is drawn: stderr, or a fake in tests. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

/** A progress bar for `generate`. */
export interface ProgressBar {
  /** `done` of `total` stores are written. Redraws at most 10 times a second. */
  update(done: number): void;
  /** Draws the final state and ends the line. */
  finish(): void;
  /** Ends the line where it is (after an error or an interrupt). */
  stop(): void;
}

const WIDTH = 24;
const TTY_INTERVAL_MS = 100;

/**
 * A one-line bar (`[#########---------]  45%  45,000/100,000 stores  1.2M promotions/s  ETA 3s`) redrawn in
 * place with `\r` on a terminal. On a non-terminal (`--progress` forced into a pipe or a file), one plain line
 * every 10 %, so a log stays readable.
 */
export function createProgressBar(out: ProgressOutput, total: number, rowsPerUnit: number): ProgressBar {
  const started = performance.now();
  const tty = out.isTTY === true;
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = -1;
  let lastLength = 0;
  let open = false;

  const render = (done: number): string => {
    const ratio = total === 0 ? 1 : done / total;
    const filled = Math.round(ratio * WIDTH);
    const elapsedMs = performance.now() - started;
    const rate = elapsedMs > 0 ? (done * rowsPerUnit * 1000) / elapsedMs : 0;
    const eta =
      done > 0 && done < total ? `  ETA ${formatDuration((elapsedMs / done) * (total - done))}` : '';
    return (
      `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ` +
      `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} stores  ${formatRate(rate)} promotions/s${eta}`
    );
  };

  const draw = (done: number, force: boolean) => {
    const now = performance.now();
    if (tty) {
      if (!force && now - lastDraw < TTY_INTERVAL_MS) return;
      lastDraw = now;
      // Never wider than the terminal (a wrapped line cannot be redrawn with \r); pad over a longer last line.
      const line = render(done).slice(0, Math.max(10, (out.columns ?? 100) - 1));
      out.write(`\r${line.padEnd(lastLength)}`);
      lastLength = line.length;
      open = true;
    } else {
      const step = Math.floor((done / total) * 10);
      if (!force && step === lastStep) return;
      lastStep = step;
      out.write(`${render(done)}\n`);
    }
  };

  return {
    update: (done) => draw(done, false),
    finish() {
      // A non-terminal already got its 100 % line from the last update.
      if (tty || lastStep < 10) draw(total, true);
      if (tty) out.write('\n');
      open = false;
    },
    stop() {
      if (open) out.write('\n');
      open = false;
    },
  };
}

/** `1.2M`, `845k`, `12` */
export function formatRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e4) return `${Math.round(perSecond / 1e3)}k`;
  return String(Math.round(perSecond));
}

/** `850ms`, `4.2s`, `3m 05s` */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, '0')}s`;
}
