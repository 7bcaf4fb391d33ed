// Which Node HTTP clients @promoscale/msw/node intercepts (the msw README's table is measured here): fetch, axios and
// ky are answered by the handlers; undici's own `request` bypasses MSW and reaches the network. A real server on a
// loopback port answers every request, so an unintercepted request is seen, not just failed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Promotion } from '@promoscale/api';
import { setupPromoscaleServer } from '@promoscale/msw/node';
import axios from 'axios';
import ky from 'ky';
import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';

const NETWORK_BODY = { from: 'network' };
let real: Server;
let url: string;
let mocks: ReturnType<typeof setupPromoscaleServer>;

beforeAll(async () => {
  real = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(NETWORK_BODY));
  });
  await new Promise<void>((resolve) => real.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(real.address() as AddressInfo).port}`;
  url = `${origin}/api/promotions?limit=3&sort=storeId`;
  mocks = setupPromoscaleServer({ dataset: { seed: 42, stores: 20 }, origin });
  mocks.listen({ onUnhandledRequest: 'bypass' });
});
afterAll(async () => {
  mocks.close();
  await new Promise((resolve) => real.close(resolve));
});

const ids = (page: Page<Promotion>) => page.items.map((p) => p.id);

it('fetch is intercepted', async () => {
  const page = (await (await fetch(url)).json()) as Page<Promotion>;
  expect(page.total).toBe(600);
  expect(ids(page)).toHaveLength(3);
  expect(ids(page)[0]).toMatch(/^PRM-STORE_001-/);
});

it('axios is intercepted', async () => {
  const fromFetch = ids((await (await fetch(url)).json()) as Page<Promotion>);
  const { data } = await axios.get<Page<Promotion>>(url);
  expect(ids(data)).toEqual(fromFetch);
});

it('ky is intercepted', async () => {
  const fromFetch = ids((await (await fetch(url)).json()) as Page<Promotion>);
  const page = await ky.get(url).json<Page<Promotion>>();
  expect(ids(page)).toEqual(fromFetch);
});

it("undici's request is not intercepted: it reaches the real server", async () => {
  const { body } = await request(url);
  expect(await body.json()).toEqual(NETWORK_BODY);
});
