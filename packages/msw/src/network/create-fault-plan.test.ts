import { PromoscaleError } from '@promoscale/generator';
import { describe, expect, it } from 'vitest';
import { createFaultPlan, type FaultRule } from './create-fault-plan.js';

const statuses = (plan: ReturnType<typeof createFaultPlan>, method: string, path: string, n: number) =>
  Array.from({ length: n }, () => plan.next(method, path)?.status ?? 'pass');

describe('createFaultPlan', () => {
  it('fails the first `times` matching requests, then passes', () => {
    const plan = createFaultPlan([{ route: 'GET /api/promotions', status: 503, times: 2 }]);
    expect(statuses(plan, 'GET', '/api/promotions', 4)).toEqual([503, 503, 'pass', 'pass']);
  });

  it('defaults times to 1', () => {
    const plan = createFaultPlan([{ route: 'GET /api/promotions', status: 500 }]);
    expect(statuses(plan, 'GET', '/api/promotions', 2)).toEqual([500, 'pass']);
  });

  it('lets `after` matching requests pass before failing', () => {
    const plan = createFaultPlan([{ route: '/api/promotions', status: 502, times: 1, after: 2 }]);
    expect(statuses(plan, 'GET', '/api/promotions', 4)).toEqual(['pass', 'pass', 502, 'pass']);
  });

  it('fails every match with times: Infinity', () => {
    const plan = createFaultPlan([{ route: '*', status: 500, times: Number.POSITIVE_INFINITY }]);
    expect(statuses(plan, 'GET', '/api/anything', 5)).toEqual([500, 500, 500, 500, 500]);
  });

  it('only counts requests that match the method and the whole path', () => {
    const plan = createFaultPlan([{ route: 'GET /api/promotions', status: 503, times: 1 }]);
    expect(plan.next('POST', '/api/promotions')).toBeUndefined();
    expect(plan.next('GET', '/api/promotions/export')).toBeUndefined();
    expect(plan.next('GET', '/api/stores')).toBeUndefined();
    expect(plan.next('get', '/api/promotions/')?.status).toBe(503);
  });

  it('matches :param segments and a trailing *', () => {
    const plan = createFaultPlan([
      { route: 'GET /api/stores/:storeId', status: 404, times: Number.POSITIVE_INFINITY },
      { route: '/api/promotions/*', status: 500, times: Number.POSITIVE_INFINITY },
    ]);
    expect(plan.next('GET', '/api/stores/STORE_001')?.status).toBe(404);
    expect(plan.next('GET', '/api/stores/STORE_001/promotions')).toBeUndefined();
    expect(plan.next('GET', '/api/stores')).toBeUndefined();
    expect(plan.next('GET', '/api/promotions/export')?.status).toBe(500);
    expect(plan.next('DELETE', '/api/promotions/a/b')?.status).toBe(500);
  });

  it("tests a RegExp against '<METHOD> <path>' and ignores its global flag", () => {
    const plan = createFaultPlan([{ route: /^GET \/api\/(stores|summary)$/g, status: 429, times: 3 }]);
    expect(statuses(plan, 'GET', '/api/summary', 2)).toEqual([429, 429]);
    expect(plan.next('GET', '/api/stores')?.status).toBe(429);
    expect(plan.next('GET', '/api/stores')).toBeUndefined();
  });

  it('lets the first matching rule answer while every matching rule counts', () => {
    const plan = createFaultPlan([
      { route: 'GET /api/promotions', status: 503, times: 1 },
      { route: '*', status: 500, times: 1, after: 1 },
    ]);
    expect(statuses(plan, 'GET', '/api/promotions', 3)).toEqual([503, 500, 'pass']);
  });

  it('reports the rule, the occurrence and the custom body', () => {
    const plan = createFaultPlan([{ route: '*', status: 418 + 82, times: 2, body: { oops: true } }]);
    plan.next('GET', '/x');
    expect(plan.next('GET', '/x')).toEqual({
      rule: 0,
      status: 500,
      occurrence: 2,
      body: { oops: true },
      headers: {},
    });
  });

  it('starts counting again after reset()', () => {
    const plan = createFaultPlan([{ route: '*', status: 503, times: 1 }]);
    expect(statuses(plan, 'GET', '/api/dataset', 2)).toEqual([503, 'pass']);
    plan.reset();
    expect(statuses(plan, 'GET', '/api/dataset', 2)).toEqual([503, 'pass']);
  });

  it.each<[Partial<FaultRule> | null, string]>([
    [{ route: '*', status: 200 }, 'network.faults[0].status'],
    [{ route: '*', status: 600 }, 'network.faults[0].status'],
    [{ route: '*', status: 503.5 }, 'network.faults[0].status'],
    [{ route: '*', status: 503, times: 0 }, 'network.faults[0].times'],
    [{ route: '*', status: 503, times: 1.5 }, 'network.faults[0].times'],
    [{ route: '*', status: 503, after: -1 }, 'network.faults[0].after'],
    [{ route: 'api/promotions', status: 503 }, 'network.faults[0].route'],
    [{ route: 'GET /api/*/x', status: 503 }, 'network.faults[0].route'],
    [{ route: 42 as never, status: 503 }, 'network.faults[0].route'],
    [{ route: '*', status: 503, headers: { 'Retry-After': 5 as never } }, 'network.faults[0].headers'],
    [null, 'network.faults[0]'],
  ])('throws a PromoscaleError for %j', (rule, option) => {
    const call = () => createFaultPlan([rule as FaultRule]);
    expect(call).toThrow(PromoscaleError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVALID_OPTION', field: option }));
  });

  it('names the range of a bad status', () => {
    expect(() => createFaultPlan([{ route: '*', status: 200 }])).toThrow(
      "network.faults[0].status must be an integer HTTP status from 400 to 599 or 'network-error'; received 200",
    );
  });
});
