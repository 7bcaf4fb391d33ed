// Shared by the e2e tests: the built demo served on loopback, one Chromium for the suite, a fresh context (no
// Service Worker, no IndexedDB left over) per page, and helpers that wait on what a person sees.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';
import { launchChromium, serveDirectory } from '../../../test-support/browser-page.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** Where screenshots go: a test artifact, beside the JSON report. */
export const ARTIFACTS = fileURLToPath(new URL('../test-results/', import.meta.url));

/** The longest a person-visible state may take to show on a busy 2-core machine before the test gives up. */
export const SHOWS_WITHIN = 60_000;

export interface DemoHarness {
  origin: string;
  browser: Browser;
  open(query: string, options?: { setup?: (context: BrowserContext) => Promise<unknown> }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium; `open(query)` loads the demo at `/${query}` in a fresh context. */
export async function startDemo(): Promise<DemoHarness> {
  if (!existsSync(`${DIST}index.html`)) throw new Error('apps/demo/dist is missing: run `pnpm build` first');
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await serveDirectory(DIST);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    origin: server.origin,
    browser,
    async open(query, options = {}) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      contexts.push(context);
      await options.setup?.(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error(`[demo page error] ${error.message}`));
      await page.goto(`${server.origin}/${query}`);
      return page;
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await server.close();
    },
  };
}

/** The status line (`role="status"`, "Load status"). */
export const loadStatus = (page: Page) => page.getByRole('status', { name: 'Load status' });

/** Waits until the status line reads `<N> promotions loaded` and returns N. */
export async function loadedCount(page: Page): Promise<number> {
  const status = loadStatus(page);
  await status.filter({ hasText: /^[\d,]+ promotions loaded$/ }).waitFor({ timeout: SHOWS_WITHIN });
  const text = (await status.textContent()) ?? '';
  return Number(text.replace(/ promotions loaded$/, '').replaceAll(',', ''));
}

/** The figures of the first KPI strip ("Revenue $…"), as text. */
export async function kpiText(page: Page): Promise<string> {
  return (await page.getByText('Revenue', { exact: true }).first().locator('..').textContent()) ?? '';
}

/**
 * Counts the pixels of each chart's canvases that are not the background (white or transparent): a chart that
 * drew its bars or points has thousands.
 */
export async function chartInk(page: Page): Promise<number[]> {
  return page.locator('[data-testid="chart"]').evaluateAll((charts) =>
    charts.map((chart) => {
      let ink = 0;
      for (const canvas of chart.querySelectorAll('canvas')) {
        const context = canvas.getContext('2d');
        if (!context || canvas.width === 0 || canvas.height === 0) continue;
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
          if (a > 0 && !(r > 245 && g > 245 && b > 245)) ink += 1;
        }
      }
      return ink;
    }),
  );
}

/**
 * Scrolls the promotions grid to its last row with the mouse wheel, as a person does, and returns
 * the id its last row shows once that row's block has arrived (phase 4 fetches blocks as they come into view).
 */
export async function lastRowIdAfterScroll(page: Page, rows: number): Promise<string> {
  // The mouse wheel over the rows: the browser scrolls the grid's viewport (at most to its end), AG Grid follows.
  const viewport = page.locator('.ag-grid-viewport').first();
  const box = await viewport.boundingBox();
  if (!box) throw new Error('the grid has no viewport on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 100_000);
  const cell = page.locator(`[role="row"][row-index="${rows - 1}"] [col-id="id"]`).first();
  await cell.filter({ hasText: /^PRM-/ }).waitFor({ timeout: SHOWS_WITHIN });
  return ((await cell.textContent()) ?? '').trim();
}

/** The id of the promotion at `offset` in the server's default order, asked of the server directly. */
export async function serverRowId(origin: string, offset: number): Promise<string> {
  const response = await fetch(`${origin}/api/promotions?offset=${offset}&limit=1`);
  const page = (await response.json()) as { items: { id: string }[] };
  return page.items[0]?.id ?? '';
}
