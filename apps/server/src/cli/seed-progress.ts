import { PROMOTIONS_PER_STORE } from '@promoscale/generator';
import type { SeedProgress } from '../seed/seed-database.js';

/** Where progress goes: stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 24;

/**
 * The seed's progress on stderr: a bar redrawn in place on a terminal (at most 10 times a second), one plain
 * line every 10 % elsewhere, and the index build announced.
 */
export function createSeedProgress(out: ProgressStream) {
  const started = performance.now();
  const tty = out.isTTY === true;
  let lastDraw = 0;
  let lastStep = -1;
  let open = false;
  const render = ({ storesLoaded, storeCount }: SeedProgress) => {
    const ratio = storeCount === 0 ? 1 : storesLoaded / storeCount;
    const filled = Math.round(ratio * WIDTH);
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round((storesLoaded * PROMOTIONS_PER_STORE) / seconds) : 0;
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(Math.floor(ratio * 100)).padStart(3)}%  ${storesLoaded.toLocaleString('en-US')}/${storeCount.toLocaleString('en-US')} stores  ${rate.toLocaleString('en-US')} promotions/s`;
  };
  return {
    update(progress: SeedProgress) {
      if (progress.phase === 'index') {
        if (open) out.write('\n');
        open = false;
        out.write('building indexes…\n');
        return;
      }
      const now = performance.now();
      if (tty) {
        if (now - lastDraw < 100 && progress.storesLoaded < progress.storeCount) return;
        lastDraw = now;
        out.write(`\r${render(progress)}`);
        open = true;
      } else {
        const step = Math.floor((progress.storesLoaded / progress.storeCount) * 10);
        if (step === lastStep) return;
        lastStep = step;
        out.write(`${render(progress)}\n`);
      }
    },
    finish() {
      if (open) out.write('\n');
      open = false;
    },
    stop() {
      if (open) out.write('\n');
      open = false;
    },
  };
}
