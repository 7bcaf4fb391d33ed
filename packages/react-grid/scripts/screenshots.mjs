// Screenshots of the "Scaling phases" and "Scaling lab" stories from the built Storybook, in headless Debian
// Chromium: each story alone (iframe.html?id=…&viewMode=story), once its load has finished (the timings line, an
// alert, or phase 4's status), play function included; each docs page (viewMode=docs).
//
//   pnpm build-storybook            # at the repository root
//   node packages/react-grid/scripts/screenshots.mjs [--out=DIR]   # default screenshots/ at the root

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, STORYBOOK_STATIC, serveStorybook, storyUrl } from '../bench/storybook-page.mjs';

const out =
  process.argv.find((a) => a.startsWith('--out='))?.slice(6) ??
  path.join(STORYBOOK_STATIC, '..', 'screenshots');
const index = JSON.parse(await readFile(path.join(STORYBOOK_STATIC, 'index.json'), 'utf8'));
const entries = Object.values(index.entries).filter((entry) => /^Scaling (phases|lab)/.test(entry.title));
// Story ids are plain ASCII (the phase stories set their meta's id), so they name the files as they are.
const shots = entries.map((entry) => ({ id: entry.id, name: entry.id, docs: entry.type === 'docs' }));

await mkdir(out, { recursive: true });
const browser = await launchChromium();
const { origin, close } = await serveStorybook();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = storyUrl(origin, shot.id);
    await page.goto(shot.docs ? url.replace('viewMode=story', 'viewMode=docs') : url);
    const finished = shot.docs
      ? '#storybook-docs h1'
      : '[data-testid="load-timings"], [role="alert"], [data-testid="last-block"]:text-matches("^Rows ")';
    await page
      .locator(finished)
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(() => errors.push('no finished load within 60 s'));
    await page.waitForTimeout(800);
    const file = path.join(out, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}${errors.length ? `  (${errors.join('; ')})` : ''}`);
    await page.close();
  }
} finally {
  await close();
  await browser.close();
}
