import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chartInk, type DemoHarness, loadedCount, SHOWS_WITHIN, startDemo } from './demo-page.js';

let demo: DemoHarness;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

// 25 stores: 750 promotions, small enough for every phase on a busy machine.
const STORES = 25;
const PROMOTIONS = STORES * 30;

describe('the dashboard, one phase at a time', () => {
  it.each([
    ['single', 'Phase 1 · Single batch'],
    ['chunked', 'Phase 2 · Chunked'],
    ['streaming', 'Phase 3 · Streaming'],
    ['server', 'Phase 4 · Database backend'],
  ])(
    `phase %s loads every promotion of ${STORES} stores, draws the charts and is saved as a screenshot`,
    async (phase, badge) => {
      const page = await demo.open(`?stores=${STORES}&template=MIXED&seed=42&phase=${phase}&source=msw`);
      expect(await loadedCount(page)).toBe(PROMOTIONS);
      await expect(
        page.getByRole('region', { name: 'Scaling phase' }).getByText(badge).isVisible(),
      ).resolves.toBe(true);
      // The grid's own count line agrees with the status line.
      await page
        .getByTestId('row-count')
        .filter({ hasText: `${PROMOTIONS} promotions` })
        .waitFor({ timeout: SHOWS_WITHIN });
      await page.locator('[data-testid="chart"] canvas').first().waitFor({ timeout: SHOWS_WITHIN });
      await expect
        .poll(async () => (await chartInk(page)).filter((ink) => ink > 1_000).length, {
          timeout: SHOWS_WITHIN,
        })
        .toBe(4);
      await page.screenshot({ path: `${ARTIFACTS}phase-${phase}.png`, fullPage: true });
    },
  );

  it('auto picks the recommended phase for the store count', async () => {
    const page = await demo.open('?stores=5');
    expect(await loadedCount(page)).toBe(150);
    await expect(
      page.getByRole('region', { name: 'Scaling phase' }).getByText('Phase 1 · Single batch').isVisible(),
    ).resolves.toBe(true);
    expect(new URL(page.url()).search).toBe('?stores=5&template=MIXED&seed=42&phase=auto&source=msw');
  });
});
