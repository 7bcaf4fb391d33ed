import { afterEach, describe, expect, it } from 'vitest';
import {
  gridBodyRowCount,
  PLAY_TIMEOUT_SCALE_GLOBAL,
  playTimeout,
  resolveApiTarget,
} from './phase-story-helpers.js';

describe('resolveApiTarget (phase 4 stories: MSW or a server by URL)', () => {
  it('uses the MSW handlers when neither the arg nor ?apiUrl= is set', () => {
    expect(resolveApiTarget('', ['', '?path=/story/x'])).toEqual({ kind: 'msw' });
    expect(resolveApiTarget(undefined, [])).toEqual({ kind: 'msw' });
    expect(resolveApiTarget('   ', ['?apiUrl='])).toEqual({ kind: 'msw' });
  });

  it('takes the arg first, then the first ?apiUrl= found, as a base URL without a trailing slash', () => {
    expect(resolveApiTarget('http://127.0.0.1:8787/', ['?apiUrl=http://other:1'])).toEqual({
      kind: 'server',
      baseUrl: 'http://127.0.0.1:8787',
    });
    expect(
      resolveApiTarget('', ['?id=x', '?path=/story/x&apiUrl=https%3A%2F%2Fpromo.example.com%2Fv1%2F']),
    ).toEqual({ kind: 'server', baseUrl: 'https://promo.example.com/v1' });
  });

  it.each([
    ['127.0.0.1:8787', 'is not an absolute URL'],
    ['ftp://127.0.0.1/', 'is not an http: or https: URL'],
    ['localhost', 'is not an absolute URL'],
    ['javascript:alert(1)', 'is not an http: or https: URL'],
    ['file:///etc/passwd', 'is not an http: or https: URL'],
    ['http://user:secret@127.0.0.1:8787', 'holds credentials'],
    ['http://127.0.0.1:8787/?x=1', 'has a query or a fragment'],
    ['http://127.0.0.1:8787/#top', 'has a query or a fragment'],
  ])('refuses %s (%s) and says it shows the MSW handlers', (value, why) => {
    const target = resolveApiTarget(value, []);
    expect(target.kind).toBe('invalid');
    if (target.kind === 'invalid') {
      expect(target.message).toContain(why);
      expect(target.message).toContain('showing the MSW handlers instead');
    }
  });

  it('echoes at most 60 characters of a hostile value', () => {
    const target = resolveApiTarget(`http://x/${'a'.repeat(5000)}?q`, []);
    expect(target.kind).toBe('invalid');
    if (target.kind === 'invalid') expect(target.message.length).toBeLessThan(200);
  });
});

describe('playTimeout (play function waits, scaled by a slower harness)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>)[PLAY_TIMEOUT_SCALE_GLOBAL];
  });

  it('keeps the Chromium wait when no scale is set, or a scale that is not a number above 1', () => {
    expect(playTimeout(20_000)).toEqual({ timeout: 20_000 });
    for (const scale of ['x', 0.5, -3, Number.NaN, Number.POSITIVE_INFINITY]) {
      (globalThis as Record<string, unknown>)[PLAY_TIMEOUT_SCALE_GLOBAL] = scale;
      expect(playTimeout(20_000)).toEqual({ timeout: 20_000 });
    }
  });

  it('multiplies the wait by the scale the harness set on the page', () => {
    (globalThis as Record<string, unknown>)[PLAY_TIMEOUT_SCALE_GLOBAL] = 4;
    expect(playTimeout(20_000)).toEqual({ timeout: 80_000 });
    (globalThis as Record<string, unknown>)[PLAY_TIMEOUT_SCALE_GLOBAL] = '2.5';
    expect(playTimeout(10_000)).toEqual({ timeout: 25_000 });
  });
});

describe('gridBodyRowCount (rows the grid holds, on screen or not)', () => {
  const root = (html: string) => {
    const element = document.createElement('div');
    element.innerHTML = html;
    return element;
  };

  it("is the grid's aria-rowcount less its header rows", () => {
    const header = '<div class="ag-header"><div role="row"></div></div>';
    expect(gridBodyRowCount(root(`<div role="treegrid" aria-rowcount="1501">${header}</div>`))).toBe(1500);
    expect(
      gridBodyRowCount(
        root(
          `<div role="grid" aria-rowcount="12">${header}${header.replace('ag-header', 'ag-header x')}</div>`,
        ),
      ),
    ).toBe(10);
    // No header row rendered yet: the count still leaves out the one AG Grid counts.
    expect(gridBodyRowCount(root('<div role="grid" aria-rowcount="1"></div>'))).toBe(0);
  });

  it('is null before the grid renders or when its count is not a whole number', () => {
    expect(gridBodyRowCount(root('<div role="grid"></div>'))).toBeNull();
    expect(gridBodyRowCount(root('<div role="grid" aria-rowcount="many"></div>'))).toBeNull();
    expect(gridBodyRowCount(root(''))).toBeNull();
  });
});
