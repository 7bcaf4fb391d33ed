import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartInk, type DemoHarness, loadedCount, SHOWS_WITHIN, startDemo } from './demo-page.js';

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
