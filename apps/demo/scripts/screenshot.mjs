#!/usr/bin/env node
// Saves the dashboard screenshot the root README opens with (docs/demo-dashboard.png) from the built demo:
// `pnpm --filter @promoscale/demo build && node apps/demo/scripts/screenshot.mjs [query]`.
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDirectory } from '../../../test-support/browser-page.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const OUT = fileURLToPath(new URL('../../../docs/demo-dashboard.png', import.meta.url));
const query = process.argv[2] ?? '?stores=50&template=MIXED&seed=42&phase=auto&source=msw';

const { origin, close } = await serveDirectory(DIST);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  await page.goto(`${origin}/${query}`);
  await page
    .getByRole('status', { name: 'Load status' })
    .filter({ hasText: /promotions loaded$/ })
    .waitFor({ timeout: 120_000 });
  await page.locator('[data-testid="chart"] canvas').first().waitFor({ timeout: 60_000 });
  // The charts draw on the next frames after their canvas appears.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(500);
  await page.screenshot({ path: OUT });
  console.log(`saved ${OUT}`);
} finally {
  await browser.close();
  await close();
}
