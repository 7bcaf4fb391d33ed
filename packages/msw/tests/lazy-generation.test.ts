import * as api from '@promoscale/api';
import { PROMOTIONS_PER_STORE } from '@promoscale/generator';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../src/index.js';

// Wrap createGeneratedSource to see when the handlers create their source and what it has generated.
vi.mock('@promoscale/api', async (importOriginal) => {
  const original = await importOriginal<typeof api>();
  return { ...original, createGeneratedSource: vi.fn(original.createGeneratedSource) };
});
const createGeneratedSource = vi.mocked(api.createGeneratedSource);
const lastSource = () => createGeneratedSource.mock.results.at(-1)?.value as api.GeneratedSource;

describe('createHandlers dataset generation', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  it('creates the source on the first request, once, and reuses it', async () => {
    createGeneratedSource.mockClear();
    server.resetHandlers(
      ...createHandlers({ dataset: { seed: 1, stores: 100_000 }, origin: 'http://localhost' }),
    );
    expect(createGeneratedSource).not.toHaveBeenCalled();
    await (await fetch('http://localhost/api/dataset')).json();
    await (await fetch('http://localhost/api/stores/STORE_000050')).arrayBuffer();
    await (await fetch('http://localhost/api/stores/STORE_050')).json();
    expect(createGeneratedSource).toHaveBeenCalledTimes(1);
    expect(createGeneratedSource).toHaveBeenCalledWith({
      seed: 1,
      stores: 100_000,
      templates: 'MIXED',
      asOf: '2026-06-01',
    });
  });

  it('answers a page of store 40,000 without generating the stores before it', async () => {
    server.resetHandlers(
      ...createHandlers({ dataset: { seed: 1, stores: 100_000 }, origin: 'http://localhost' }),
    );
    const promotions = await (await fetch('http://localhost/api/stores/STORE_40000/promotions')).json();
    expect(promotions.total).toBe(PROMOTIONS_PER_STORE);
    expect(promotions.items[0].id).toMatch(/^PRM-STORE_40000-/);
    const offset = 39_999 * PROMOTIONS_PER_STORE;
    const page = await (await fetch(`http://localhost/api/promotions?offset=${offset}&limit=30`)).json();
    expect(page.items).toEqual(promotions.items);
    const filtered = await (
      await fetch('http://localhost/api/promotions?storeId=STORE_40000&sort=-roi')
    ).json();
    expect(filtered.total).toBe(PROMOTIONS_PER_STORE);
    expect(lastSource().isMaterialized()).toBe(false);
  });

  it('generates every row once a query sorts across all of them', async () => {
    server.resetHandlers(
      ...createHandlers({ dataset: { seed: 1, stores: 200 }, origin: 'http://localhost' }),
    );
    await (await fetch('http://localhost/api/promotions?limit=5')).json();
    expect(lastSource().isMaterialized()).toBe(false);
    await (await fetch('http://localhost/api/promotions?sort=-roi&limit=5')).json();
    expect(lastSource().isMaterialized()).toBe(true);
  });

  it('gives each createHandlers call its own source', async () => {
    createGeneratedSource.mockClear();
    const first = createHandlers({ dataset: { stores: 5 }, origin: 'http://localhost' });
    const second = createHandlers({ dataset: { stores: 5 }, origin: 'http://localhost' });
    server.resetHandlers(...first);
    await (await fetch('http://localhost/api/dataset')).json();
    server.resetHandlers(...second);
    await (await fetch('http://localhost/api/dataset')).json();
    expect(createGeneratedSource).toHaveBeenCalledTimes(2);
  });
});
