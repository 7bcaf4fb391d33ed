import { describe, expect, it } from 'vitest';
import {
  chunkCountFor,
  chunkSizeFor,
  DEFAULT_STATE,
  type DemoState,
  MAX_QUERY_LENGTH,
  parseDemoUrl,
  serializeDemoUrl,
  serverOrigin,
} from './demo-url-state.js';

const FULL = '?stores=500&template=URBAN_PREMIUM&seed=7&phase=streaming&source=msw';

describe('parseDemoUrl', () => {
  it('reads every parameter of a valid link', () => {
    expect(parseDemoUrl(FULL)).toEqual({
      state: { stores: 500, template: 'URBAN_PREMIUM', seed: 7, phase: 'streaming', source: 'msw' },
      problems: [],
    });
  });

  it('opens the default view for an empty query', () => {
    expect(parseDemoUrl('')).toEqual({ state: DEFAULT_STATE, problems: [] });
    expect(parseDemoUrl('?')).toEqual({ state: DEFAULT_STATE, problems: [] });
  });

  it('round-trips through serializeDemoUrl', () => {
    const state: DemoState = {
      stores: 5_000,
      template: 'COASTAL_SEASONAL',
      seed: 'spring sale & more',
      phase: 'server',
      source: 'http://127.0.0.1:8787',
    };
    expect(parseDemoUrl(serializeDemoUrl(state))).toEqual({ state, problems: [] });
  });

  it.each([
    ['stores=abc', 'stores must be a whole number from 5 to 50,000 (got "abc"); showing 50.'],
    ['stores=4', 'stores must be a whole number from 5 to 50,000 (got "4"); showing 50.'],
    ['stores=50001', 'stores must be a whole number from 5 to 50,000 (got "50001"); showing 50.'],
    ['stores=1e9', 'stores must be a whole number from 5 to 50,000 (got "1e9"); showing 50.'],
    ['stores=-5', 'stores must be a whole number from 5 to 50,000 (got "-5"); showing 50.'],
    ['stores=25.5', 'stores must be a whole number from 5 to 50,000 (got "25.5"); showing 50.'],
    ['stores=', 'stores must be a whole number from 5 to 50,000 (got ""); showing 50.'],
    ['stores=0x20', 'stores must be a whole number from 5 to 50,000 (got "0x20"); showing 50.'],
    [
      'template=mixed',
      'template must be one of MIXED, SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS, COASTAL_SEASONAL (got "mixed"); showing MIXED.',
    ],
    [
      'seed=99999999999999999999',
      'seed must be a safe integer or a text of 1 to 256 characters (got "99999999999999999999"); showing 42.',
    ],
    ['seed=', 'seed must be a safe integer or a text of 1 to 256 characters (got ""); showing 42.'],
    [
      'phase=fast',
      'phase must be one of auto, single, chunked, streaming, server (got "fast"); showing auto.',
    ],
    [
      'source=ftp://example.com',
      'source must be msw or the http(s) address of a promoscale server (got "ftp://example.com"); showing msw.',
    ],
    [
      'source=javascript:alert(1)',
      'source must be msw or the http(s) address of a promoscale server (got "javascript:alert(1)"); showing msw.',
    ],
    [
      'source=localhost',
      'source must be msw or the http(s) address of a promoscale server (got "localhost"); showing msw.',
    ],
  ])('falls back to the default with a message for %s', (query, message) => {
    const { state, problems } = parseDemoUrl(`?${query}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(problems.map((p) => p.message)).toEqual([message]);
  });

  it('keeps the valid parameters when one is bad', () => {
    const { state, problems } = parseDemoUrl('?stores=25&template=NOPE&seed=9');
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 25, seed: 9 });
    expect(problems.map((p) => p.param)).toEqual(['template']);
  });

  it('refuses a parameter given twice instead of picking one', () => {
    const { state, problems } = parseDemoUrl('?stores=5&stores=500');
    expect(state.stores).toBe(DEFAULT_STATE.stores);
    expect(problems[0]?.message).toBe('stores is given 2 times; give it once. Showing 50.');
  });

  it('reports a malformed percent-encoding and reads the rest', () => {
    const { state, problems } = parseDemoUrl('?seed=%E0%A4%A&stores=10');
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 10 });
    expect(problems).toEqual([
      {
        param: 'seed',
        message: 'The parameter "seed=%E0%A4%A" is not valid percent-encoding; it was ignored.',
      },
    ]);
  });

  it('decodes percent-encoding and plus signs', () => {
    expect(parseDemoUrl('?seed=spring+sale%21&template=RURAL%5FVALUE').state).toEqual({
      ...DEFAULT_STATE,
      seed: 'spring sale!',
      template: 'RURAL_VALUE',
    });
  });

  it('reports unknown parameters and ignores them', () => {
    const { state, problems } = parseDemoUrl('?stores=10&__proto__=x&constructor=y');
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 10 });
    expect(problems.map((p) => p.param)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  });

  it('cuts a huge value in the message and refuses a seed over 256 characters', () => {
    const { state, problems } = parseDemoUrl(`?seed=${'x'.repeat(300)}`);
    expect(state.seed).toBe(42);
    expect(problems[0]?.message).toBe(
      `seed must be a safe integer or a text of 1 to 256 characters (got "${'x'.repeat(40)}…"); showing 42.`,
    );
  });

  it('does not read a query longer than the limit', () => {
    const { state, problems } = parseDemoUrl(`?stores=10&pad=${'a'.repeat(MAX_QUERY_LENGTH)}`);
    expect(state).toEqual(DEFAULT_STATE);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.param).toBe('query');
  });

  it('switches a client-side phase above 5,000 stores back to auto', () => {
    const { state, problems } = parseDemoUrl('?stores=50000&phase=single');
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 50_000, phase: 'auto' });
    expect(problems[0]?.message).toBe(
      'phase single holds every row in this tab, so it takes at most 5,000 stores (got 50,000); showing auto.',
    );
  });

  it('uses the given fallback (VITE_API_URL as the default source)', () => {
    const fallback = { ...DEFAULT_STATE, source: 'http://127.0.0.1:9000' };
    expect(parseDemoUrl('?stores=10', fallback).state.source).toBe('http://127.0.0.1:9000');
    expect(parseDemoUrl('?source=bad', fallback).problems[0]?.message).toContain(
      'showing http://127.0.0.1:9000.',
    );
  });
});

describe('the fault switch, ?fail=chunk:N', () => {
  const CHUNKED = '?stores=25&template=MIXED&seed=42&phase=chunked&source=msw';

  it('reads a chunk of a phase 2 view and writes it back', () => {
    const { state, problems } = parseDemoUrl(`${CHUNKED}&fail=chunk:3`);
    expect(problems).toEqual([]);
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 25, phase: 'chunked', fail: 3 });
    expect(serializeDemoUrl(state)).toBe(`${CHUNKED}&fail=chunk:3`);
    // Percent-encoded colon, and auto when it resolves to phase 2 (25 stores), read the same.
    expect(parseDemoUrl('?stores=25&fail=chunk%3A5').state.fail).toBe(5);
  });

  it('leaves the URL of a view without a fault as it was', () => {
    expect(serializeDemoUrl(parseDemoUrl(CHUNKED).state)).toBe(CHUNKED);
  });

  it.each([
    ['chunk:0', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "chunk:0"); showing no fault.'],
    ['chunk:-1', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "chunk:-1"); showing no fault.'],
    ['chunk:abc', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "chunk:abc"); showing no fault.'],
    ['chunk:1e2', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "chunk:1e2"); showing no fault.'],
    ['chunk:1000', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "chunk:1000"); showing no fault.'],
    ['CHUNK:3', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "CHUNK:3"); showing no fault.'],
    ['3', 'fail must be chunk:N, N a phase 2 chunk from 1 (got "3"); showing no fault.'],
    ['', 'fail must be chunk:N, N a phase 2 chunk from 1 (got ""); showing no fault.'],
    [
      'chunk:6',
      'fail must be chunk:1 to chunk:5 for 25 stores (5 chunks of 5 stores) (got "chunk:6"); showing no fault.',
    ],
    [
      'chunk:999',
      'fail must be chunk:1 to chunk:5 for 25 stores (5 chunks of 5 stores) (got "chunk:999"); showing no fault.',
    ],
  ])('refuses fail=%s with a message and shows the view without a fault', (value, message) => {
    const { state, problems } = parseDemoUrl(`${CHUNKED}&fail=${value}`);
    expect(state).toEqual({ ...DEFAULT_STATE, stores: 25, phase: 'chunked' });
    expect(state).not.toHaveProperty('fail');
    expect(problems).toEqual([{ param: 'fail', message }]);
  });

  it.each([
    ['?stores=25&phase=single', 'single'],
    ['?stores=25&phase=server', 'server'],
    ['?stores=50&phase=auto', 'streaming'],
    ['?stores=5', 'single'],
  ])('refuses a fault for a view that does not run phase 2 (%s)', (query, runs) => {
    const { state, problems } = parseDemoUrl(`${query}&fail=chunk:1`);
    expect(state.fail).toBeUndefined();
    expect(problems.map((p) => p.message)).toEqual([
      `fail makes a phase 2 chunk fail, but this view runs phase ${runs} (use phase=chunked) (got "chunk:1"); showing no fault.`,
    ]);
  });

  it('refuses fail given twice', () => {
    const { state, problems } = parseDemoUrl(`${CHUNKED}&fail=chunk:1&fail=chunk:2`);
    expect(state.fail).toBeUndefined();
    expect(problems[0]?.message).toBe('fail is given 2 times; give it once. Showing no fault.');
  });

  it('drops the fault when the controls change the view (the view is only the fallback)', () => {
    const view = parseDemoUrl(`${CHUNKED}&fail=chunk:3`).state;
    expect(parseDemoUrl('?stores=25&phase=chunked&seed=7', view).state).toEqual({
      ...view,
      seed: 7,
      fail: undefined,
    });
    expect(parseDemoUrl('?stores=25&phase=chunked&seed=7', view).state).not.toHaveProperty('fail');
  });

  it('counts about 20 chunks of at least 5 stores', () => {
    expect([5, 25, 100, 101, 5_000].map((n) => [chunkSizeFor(n), chunkCountFor(n)])).toEqual([
      [5, 1],
      [5, 5],
      [5, 20],
      [6, 17],
      [250, 20],
    ]);
  });
});

describe('serverOrigin', () => {
  it('keeps the origin and path of an http(s) address without a trailing slash', () => {
    expect(serverOrigin('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    expect(serverOrigin('https://api.example.com/v1/')).toBe('https://api.example.com/v1');
  });

  it('refuses other schemes, credentials and text that is not a URL', () => {
    expect(serverOrigin('file:///etc/passwd')).toBeNull();
    expect(serverOrigin('http://user:pw@example.com')).toBeNull();
    expect(serverOrigin('not a url')).toBeNull();
    expect(serverOrigin(`http://example.com/${'a'.repeat(3_000)}`)).toBeNull();
  });
});
