import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractServer, serveContract } from './contract-server.js';
import {
  ARTIFACTS,
  chartInk,
  type DemoHarness,
  lastRowIdAfterScroll,
  loadedCount,
  SHOWS_WITHIN,
  serverRowId,
  startDemo,
} from './demo-page.js';

let demo: DemoHarness;
let api: ContractServer;
beforeAll(async () => {
  demo = await startDemo();
  // A server whose dataset differs from the view's store count: phase 4 shows what the server serves.
  api = await serveContract({ seed: 42, stores: 40 });
});
afterAll(async () => {
  await demo?.close();
  await api?.close();
});

describe('the server source, by URL', () => {
  it('reads phase 4 from the server named in ?source= and counts its total', async () => {
    const page = await demo.open(`?stores=100&phase=server&source=${encodeURIComponent(api.origin)}`);
    expect(await loadedCount(page)).toBe(1_200);
    expect(api.requests).toContain('/api/dataset');
    expect(api.requests).toContain('/api/promotions');
    await expect
      .poll(async () => (await chartInk(page)).filter((ink) => ink > 1_000).length, { timeout: SHOWS_WITHIN })
      .toBe(4);
    expect(api.requests).toContain('/api/summary');
    await page.screenshot({ path: `${ARTIFACTS}phase-server-url.png`, fullPage: true });
  });

  it('switches to the server typed in the source field and back to MSW', async () => {
    const page = await demo.open('?stores=100&phase=server&source=msw');
    expect(await loadedCount(page)).toBe(3_000);
    await page.getByRole('textbox', { name: 'Server URL' }).fill(`${api.origin}/`);
    await page.getByRole('button', { name: 'Use server' }).click();
    await page.waitForURL((url) => url.searchParams.get('source') === api.origin, { timeout: SHOWS_WITHIN });
    expect(await loadedCount(page)).toBe(1_200);
    await page.getByRole('radio', { name: 'MSW in this tab' }).check();
    await page.waitForURL(/source=msw/, { timeout: SHOWS_WITHIN });
    expect(await loadedCount(page)).toBe(3_000);
  });

  it('pages phase 4 by scrolling: the last rows come from the block at their offset, not from loading everything', async () => {
    const page = await demo.open(`?stores=100&phase=server&source=${encodeURIComponent(api.origin)}`);
    expect(await loadedCount(page)).toBe(1_200);
    const offsets = () =>
      api.urls
        .filter((url) => url.pathname === '/api/promotions' && url.searchParams.has('offset'))
        .map((url) => Number(url.searchParams.get('offset')));
    expect(offsets()).toContain(0);
    expect(offsets()).not.toContain(1_100);
    // The demo asks for 100-row blocks: the last row, 1,199, is in the block at offset 1,100.
    const lastId = await lastRowIdAfterScroll(page, 1_200);
    expect(offsets()).toContain(1_100);
    expect(lastId).toBe(await serverRowId(api.origin, 1_199));
    // Jumping to the end skips the blocks in between.
    expect(offsets()).not.toContain(500);
    await page.screenshot({ path: `${ARTIFACTS}phase-server-scrolled.png`, fullPage: true });
  });
});
