// Shared by the benches and scripts/screenshots.mjs: serves the built Storybook (storybook-static/ at the
// repository root, from `pnpm build-storybook`) with the static server and Chromium launcher of
// test-support/browser-page.mjs (shared with the demo's tests and bench).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from '../../../test-support/browser-page.mjs';

export { chromiumArgs, launchChromium, serveDirectory } from '../../../test-support/browser-page.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
// PROMOSCALE_STORYBOOK_DIR=<another storybook build> compares a baseline in the same conditions.
export const STORYBOOK_STATIC = process.env.PROMOSCALE_STORYBOOK_DIR ?? path.join(ROOT, 'storybook-static');

/** Serves storybook-static/; resolves to `{ origin, close }`. Fails with a hint when it was not built. */
export async function serveStorybook() {
  if (!existsSync(path.join(STORYBOOK_STATIC, 'iframe.html'))) {
    throw new Error('storybook-static/ is missing: run `pnpm build-storybook` at the repository root first');
  }
  return serveDirectory(STORYBOOK_STATIC);
}

/**
 * The URL of one story, rendered alone. `args` (e.g. `{ stores: 500 }`) override the story's args, `globals` the
 * preview's globals (e.g. `{ 'a11y.manual': '!true' }` keeps the a11y addon from running axe after the render).
 */
export function storyUrl(origin, id, args, globals) {
  const encode = (name, values) =>
    values
      ? `&${name}=${Object.entries(values)
          .map(([key, value]) => `${key}:${value}`)
          .join(';')}`
      : '';
  return `${origin}/iframe.html?id=${id}&viewMode=story${encode('args', args)}${encode('globals', globals)}`;
}

/**
 * Waits until a loader story shows `rows` promotions and load timings other than `previous` (a load that finished
 * after the one that showed `previous`); returns the timings text.
 */
export async function storyLoaded(page, rows, previous) {
  const expected = `${rows.toLocaleString('en-US')} promotions`;
  await page.waitForFunction(
    ([expected, previous]) => {
      const timings = document.querySelector('[data-testid="load-timings"]')?.textContent ?? null;
      const count = document.querySelector('[data-testid="row-count"]')?.textContent ?? '';
      return timings !== null && timings !== previous && count === expected ? timings : null;
    },
    [expected, previous],
    { timeout: 300_000, polling: 50 },
  );
  return page.getByTestId('load-timings').textContent();
}
