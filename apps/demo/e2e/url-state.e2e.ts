import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoHarness, kpiText, loadedCount, SHOWS_WITHIN, startDemo } from './demo-page.js';

let demo: DemoHarness;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());

describe('the view in the URL', () => {
  it('changes the data and the URL with the template and the seed, and the URL restores the view', async () => {
    const page = await demo.open('?stores=5&template=MIXED&seed=42&phase=single&source=msw');
    expect(await loadedCount(page)).toBe(150);
    const mixed = await kpiText(page);

    await page.getByRole('combobox', { name: 'Template', exact: true }).selectOption('URBAN_PREMIUM');
    await page.waitForURL(/template=URBAN_PREMIUM/, { timeout: SHOWS_WITHIN });
    await expect.poll(() => kpiText(page), { timeout: SHOWS_WITHIN }).not.toBe(mixed);
    expect(await loadedCount(page)).toBe(150);
    // Every store of the grid is of the chosen template now.
    await page.getByRole('gridcell', { name: 'URBAN_PREMIUM' }).first().waitFor({ timeout: SHOWS_WITHIN });
    expect(await page.getByRole('gridcell', { name: 'SUBURBAN_FAMILY' }).count()).toBe(0);
    const urban = await kpiText(page);

    await page.getByRole('textbox', { name: 'Seed', exact: true }).fill('7');
    await page.getByRole('textbox', { name: 'Seed', exact: true }).press('Enter');
    await page.waitForURL(/seed=7(&|$)/, { timeout: SHOWS_WITHIN });
    await expect.poll(() => kpiText(page), { timeout: SHOWS_WITHIN }).not.toBe(urban);
    expect(await loadedCount(page)).toBe(150);
    const seeded = await kpiText(page);
    const link = page.url();
    expect(new URL(link).search).toBe('?stores=5&template=URBAN_PREMIUM&seed=7&phase=single&source=msw');

    // The link, opened elsewhere, shows the same view and the same figures.
    const again = await demo.open(new URL(link).search);
    expect(await loadedCount(again)).toBe(150);
    expect(await kpiText(again)).toBe(seeded);
    expect(await again.getByRole('combobox', { name: 'Template', exact: true }).inputValue()).toBe(
      'URBAN_PREMIUM',
    );
    expect(await again.getByRole('textbox', { name: 'Seed', exact: true }).inputValue()).toBe('7');

    // Back goes to the previous view (seed 42), figures included.
    await page.goBack();
    await page.waitForURL(/seed=42/, { timeout: SHOWS_WITHIN });
    await expect.poll(() => kpiText(page), { timeout: SHOWS_WITHIN }).toBe(urban);
  });

  it('switches the store count with a preset and updates the URL', async () => {
    const page = await demo.open('?stores=5&phase=auto');
    expect(await loadedCount(page)).toBe(150);
    await page.getByRole('button', { name: '10', exact: true }).click();
    await page.waitForURL(/stores=10&/, { timeout: SHOWS_WITHIN });
    expect(await loadedCount(page)).toBe(300);
  });

  it.each([
    ['wrong types', '?stores=abc&phase=fast', ['stores must be a whole number', 'phase must be one of']],
    ['out of range', '?stores=50001', ['stores must be a whole number from 5 to 50,000 (got "50001")']],
    ['huge values', `?seed=${'9'.repeat(5_000)}`, ["The link's query is"]],
    ['repeated parameters', '?stores=5&stores=10', ['stores is given 2 times']],
    ['malformed encodings', '?seed=%E0%A4%A&template=%FF', ['not valid percent-encoding']],
    ['unknown parameters', '?<script>=1', ['Unknown parameter "<script>" was ignored']],
  ])('shows a message and the default view for %s', async (_name, query, messages) => {
    const page = await demo.open(query);
    const alert = page.getByRole('alert').filter({ hasText: messages[0] as string });
    await alert.waitFor({ timeout: SHOWS_WITHIN });
    for (const message of messages) expect(await alert.textContent()).toContain(message);
    // The fallback view loads: 50 stores, 1,500 promotions, and the URL now holds it.
    expect(await loadedCount(page)).toBe(1_500);
    expect(new URL(page.url()).search).toBe('?stores=50&template=MIXED&seed=42&phase=auto&source=msw');
  });

  it('shows the message and keeps the view when a bad store count is typed', async () => {
    const page = await demo.open('?stores=5&phase=auto');
    expect(await loadedCount(page)).toBe(150);
    await page.getByLabel('Stores', { exact: true }).fill('999999');
    await page.getByLabel('Stores', { exact: true }).press('Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'stores must be a whole number' })
      .waitFor({ timeout: SHOWS_WITHIN });
    expect(await loadedCount(page)).toBe(150);
    expect(new URL(page.url()).searchParams.get('stores')).toBe('5');
  });
});
