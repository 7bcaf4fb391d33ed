import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultOrigin, resolveEndpoint } from './resolve-endpoint.js';

describe('resolveEndpoint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("matches http://localhost/api/* by default in Node (no page to resolve '/api' against)", () => {
    const endpoint = resolveEndpoint();
    expect(endpoint).toMatchObject({ origin: 'http://localhost', basePath: '/api' });
    expect(endpoint.pattern.test('http://localhost/api/promotions')).toBe(true);
    expect(endpoint.pattern.test('http://localhost:3000/api/promotions')).toBe(false);
    expect(endpoint.pattern.test('http://localhost/apiary/x')).toBe(false);
  });

  it("uses the page's origin when there is one", () => {
    vi.stubGlobal('location', { origin: 'http://localhost:6006' });
    expect(defaultOrigin()).toBe('http://localhost:6006');
    expect(resolveEndpoint('/api').pattern.test('http://localhost:6006/api/stores')).toBe(true);
  });

  it('takes a custom origin and base path and drops trailing slashes', () => {
    const { basePath, pattern } = resolveEndpoint('/v2/', 'https://mock.example.com/');
    expect(basePath).toBe('/v2');
    expect(pattern.test('https://mock.example.com/v2/stores')).toBe(true);
    expect(pattern.test('https://mock.example.com/api/stores')).toBe(false);
  });

  it("answers for any origin with '*'", () => {
    const { pattern } = resolveEndpoint('/api', '*');
    expect(pattern.test('https://a.example.com/api/stores')).toBe(true);
    expect(pattern.test('http://localhost:6006/api/x')).toBe(true);
    expect(pattern.test('http://localhost:6006/app/api/x')).toBe(false);
  });

  it('takes the origin from an absolute baseUrl', () => {
    const endpoint = resolveEndpoint('https://api.example.com/v1');
    expect(endpoint).toMatchObject({ origin: 'https://api.example.com', basePath: '/v1' });
    expect(endpoint.pattern.test('https://api.example.com/v1/dataset')).toBe(true);
  });

  it('matches malformed percent-escapes and regex characters literally, without decoding anything', () => {
    const { pattern } = resolveEndpoint('/v1.0+x');
    // No capture group (an alternative matching '' has one slot per group): MSW has no parameter to decode.
    expect(new RegExp(`${pattern.source}|`).exec('')).toHaveLength(1);
    expect(pattern.test('http://localhost/v1.0+x/%E0%A4%A')).toBe(true);
    expect(pattern.test('http://localhost/v1.0+x/%')).toBe(true);
    expect(pattern.test('http://localhost/v1a0+x/stores')).toBe(false);
    expect(resolveEndpoint('/café').pattern.test('http://localhost/caf%C3%A9/stores')).toBe(true);
  });

  it.each([
    ['api', undefined, 'baseUrl'],
    ['/api?x=1', undefined, 'baseUrl'],
    ['/api/*', undefined, 'baseUrl'],
    ['https://api.example.com/v1?x', undefined, 'baseUrl'],
    ['https://api.example.com/v1', 'http://localhost', 'origin'],
    ['/api', 'localhost:3000', 'origin'],
    ['/api', 'ftp://files.example.com', 'origin'],
    ['/api', 'http://localhost/app', 'origin'],
  ])('throws a PromoscaleError for baseUrl %j, origin %j', (baseUrl, origin, option) => {
    expect(() => resolveEndpoint(baseUrl, origin)).toThrow(
      expect.objectContaining({ name: 'PromoscaleError', code: 'INVALID_OPTION', field: option }),
    );
  });
});
