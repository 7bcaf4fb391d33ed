import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultOrigin, resolveEndpoint } from './resolve-endpoint.js';

describe('resolveEndpoint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("matches http://localhost/api/* by default in Node (no page to resolve '/api' against)", () => {
    expect(resolveEndpoint()).toEqual({
      origin: 'http://localhost',
      basePath: '/api',
      pattern: 'http://localhost/api/*',
    });
  });

  it("uses the page's origin when there is one", () => {
    vi.stubGlobal('location', { origin: 'http://localhost:6006' });
    expect(defaultOrigin()).toBe('http://localhost:6006');
    expect(resolveEndpoint('/api').pattern).toBe('http://localhost:6006/api/*');
  });

  it('takes a custom origin and base path and drops trailing slashes', () => {
    expect(resolveEndpoint('/v2/', 'https://mock.example.com/').pattern).toBe(
      'https://mock.example.com/v2/*',
    );
  });

  it("answers for any origin with '*'", () => {
    expect(resolveEndpoint('/api', '*').pattern).toBe('*/api/*');
  });

  it('takes the origin from an absolute baseUrl', () => {
    expect(resolveEndpoint('https://api.example.com/v1')).toEqual({
      origin: 'https://api.example.com',
      basePath: '/v1',
      pattern: 'https://api.example.com/v1/*',
    });
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
  ])('throws a HandlerOptionsError for baseUrl %j, origin %j', (baseUrl, origin, option) => {
    expect(() => resolveEndpoint(baseUrl, origin)).toThrow(
      expect.objectContaining({ name: 'HandlerOptionsError', code: 'INVALID_URL_OPTION', option }),
    );
  });
});
