import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  chartInk,
  type DemoHarness,
  loadedCount,
  loadStatus,
  SHOWS_WITHIN,
  startDemo,
} from './demo-page.js';

let demo: DemoHarness;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

describe('when a code-split chunk fails to load', () => {
  it.each([
    ['charts', /\/assets\/promotion-charts-[^/]*\.js$/],
    ['dashboard', /\/assets\/dashboard-[^/]*\.js$/],
  ])('shows the %s alert with Retry, and Retry loads it', async (part, chunk) => {
    let failures = 0;
    const page = await demo.open('?stores=10&phase=single', {
      // The chunk's first request fails as a dropped connection does; later ones go through.
      setup: (context) =>
        context.route(chunk, (route) => {
          if (failures === 0) {
            failures += 1;
            return route.abort('connectionreset');
          }
          return route.continue();
        }),
    });
    const alert = page.getByRole('alert').filter({ hasText: `Could not load the ${part}` });
    await alert.waitFor({ timeout: SHOWS_WITHIN });
    expect(failures).toBe(1);
    await alert.getByRole('button', { name: `Retry loading the ${part}` }).click();
    expect(await loadedCount(page)).toBe(300);
    await expect
      .poll(async () => (await chartInk(page)).filter((ink) => ink > 1_000).length, { timeout: SHOWS_WITHIN })
      .toBe(4);
    expect(await alert.count()).toBe(0);
  });
});

describe('when phase 4 cannot reach its server', () => {
  it('says the load stopped and offers Retry', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const page = await demo.open('?stores=100&phase=server&source=http://127.0.0.1:9');
    await page
      .getByRole('status', { name: 'Load status' })
      .filter({ hasText: 'Load stopped' })
      .waitFor({ timeout: SHOWS_WITHIN });
    await page.getByRole('button', { name: /Retry/ }).first().waitFor({ timeout: SHOWS_WITHIN });
  });
});

describe('the fault switch, ?fail=chunk:N', () => {
  it('stops phase 2 at that chunk with an alert and Retry; Retry resumes from it and ends with every row', async () => {
    // 25 stores: 5 chunks of 5 stores; chunk 3 is stores 11-15.
    const page = await demo.open('?stores=25&phase=chunked&fail=chunk:3');
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'chunk 3 of 5 (stores 11-15) failed after 4 attempts' });
    await alert.waitFor({ timeout: SHOWS_WITHIN });
    expect(await alert.textContent()).toContain('connection dropped (fault injected by ?fail=chunk:3)');
    // The rows before the chunk stay, the status line says the load stopped, the link keeps the fault.
    await page.getByTestId('row-count').filter({ hasText: '300 of 750 promotions' }).waitFor();
    expect(await loadStatus(page).textContent()).toMatch(
      /^Load stopped: chunk 3 of 5 \(stores 11-15\) failed/,
    );
    expect(new URL(page.url()).search).toBe(
      '?stores=25&template=MIXED&seed=42&phase=chunked&source=msw&fail=chunk:3',
    );
    // One KPI strip on the page (the dashboard's, once loaded): the phase's own is off.
    expect(await page.getByRole('region', { name: 'Key figures' }).count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}phase-chunked-failed.png`, fullPage: true });

    await alert.getByRole('button', { name: 'Retry from store 11' }).click();
    expect(await loadedCount(page)).toBe(750);
    await page
      .getByTestId('row-count')
      .filter({ hasText: /^750 promotions$/ })
      .waitFor();
    expect(await alert.count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Key figures' }).count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}phase-chunked-retried.png`, fullPage: true });
  });

  it('shows a fail value it cannot use as a message, and the view without a fault', async () => {
    const page = await demo.open('?stores=25&phase=chunked&fail=chunk:99');
    await page
      .getByRole('alert', { name: "Problems with the view's settings" })
      .filter({
        hasText: 'fail must be chunk:1 to chunk:5 for 25 stores (5 chunks of 5 stores) (got "chunk:99")',
      })
      .waitFor({ timeout: SHOWS_WITHIN });
    expect(await loadedCount(page)).toBe(750);
    expect(new URL(page.url()).search).toBe('?stores=25&template=MIXED&seed=42&phase=chunked&source=msw');
  });
});
