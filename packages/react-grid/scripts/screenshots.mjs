// Screenshots of the "Scaling phases" and "Scaling lab" stories from the built Storybook, in headless Debian
// Chromium: each story alone (iframe.html?id=…&viewMode=story), once its load has finished (the timings line, an
// alert or the phase 4 grid's count), play function included.
//
//   pnpm build-storybook            # at the repository root
//   node packages/react-grid/scripts/screenshots.mjs [--out=DIR]   # default /work/notes/screens/loaders

import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, STORYBOOK_STATIC, serveStorybook, storyUrl } from '../bench/storybook-page.mjs';

const out = process.argv.find((a) => a.startsWith('--out='))?.slice(6) ?? '/work/notes/screens/loaders';
const index = JSON.parse(await readFile(path.join(STORYBOOK_STATIC, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && /^Scaling (phases|lab)/.test(entry.title),
);
const shots = stories.flatMap((story) =>
  story.title.startsWith('Scaling lab')
    ? [5, 50, 50_000].map((stores) => ({
        id: story.id,
        name: `${story.id}--${stores}-stores`,
        args: { stores },
      }))
    : [{ id: story.id, name: story.id }],
);

await mkdir(out, { recursive: true });
const browser = await launchChromium();
const { origin, close } = await serveStorybook();
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(storyUrl(origin, shot.id, shot.args));
    await page
      .locator(
        '[data-testid="load-timings"], [role="alert"], [data-testid="row-count"]:has-text("of 1,500,000")',
      )
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
