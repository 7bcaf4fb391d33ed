import { MAX_STORES, PROMOTIONS_PER_STORE, TEMPLATE_NAMES } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange } from '@promoscale/scaling';

/** Controls shared by the "Scaling phases" stories: store count, template and seed. Story support only. */
export const SPEC_ARG_TYPES = {
  stores: {
    control: { type: 'number', min: 1, max: MAX_STORES, step: 1 },
    description: `Store count (${PROMOTIONS_PER_STORE} promotions each)`,
  },
  templates: { control: 'select', options: ['MIXED', ...TEMPLATE_NAMES], description: 'Store template' },
  seed: { control: 'number', description: 'Seed: the same seed gives the same rows' },
  asOf: { control: 'text' },
  phase: { control: false },
  thresholds: { control: false },
} as const;

/** Set on the page, before Storybook loads, by a harness that runs the stories slower than Chromium's story tests. */
export const PLAY_TIMEOUT_SCALE_GLOBAL = '__promoscalePlayTimeoutScale';

/**
 * The `{ timeout }` of a play function's wait: `ms`, sized for the story tests in Chromium, times the scale that a
 * slower harness set on the page (`globalThis.__promoscalePlayTimeoutScale`, a number >= 1: the Firefox and WebKit
 * checks of tests/engines/ set it). A wait ends as soon as its condition holds, so a larger bound costs nothing when
 * the story passes. Story support only.
 */
export function playTimeout(ms: number): { timeout: number } {
  const scale = Number((globalThis as Record<string, unknown>)[PLAY_TIMEOUT_SCALE_GLOBAL]);
  return { timeout: Number.isFinite(scale) && scale > 1 ? Math.round(ms * scale) : ms };
}

/** Distinct grid rows in the DOM (a pinned column renders each row twice). */
export function domRowCount(root: HTMLElement): number {
  return new Set(
    [...root.querySelectorAll('[role="row"][row-index]')].map((row) => row.getAttribute('row-index')),
  ).size;
}

/**
 * The body rows the grid holds, from its `aria-rowcount` (AG Grid counts the header row in it); `null` before the
 * grid is rendered. Unlike {@link domRowCount} it counts rows not on screen, so a play function can wait until every
 * row appended by `applyTransactionAsync` is in the grid (a later flush fades new rows in while the a11y check
 * runs, which can fail its colour-contrast rule). Story support only.
 */
export function gridBodyRowCount(root: HTMLElement): number | null {
  const value = root.querySelector('[role="grid"][aria-rowcount], [role="treegrid"][aria-rowcount]');
  const count = Number(value?.getAttribute('aria-rowcount'));
  const headerRows = root.querySelectorAll('.ag-header [role="row"]').length;
  return value === null || !Number.isInteger(count) ? null : count - Math.max(headerRows, 1);
}

/**
 * A chunk loader with an injected fault: the chunk that starts at `failingStore` fails its first `failures`
 * attempts ("network down"), then loads like the default. Each call of this factory has its own counters.
 */
export function flakyChunkLoader(failingStore: number, failures: number): ChunkLoader {
  let failed = 0;
  return (startStore, endStore, spec) => {
    if (startStore === failingStore && failed < failures) {
      failed++;
      throw new Error('network down (injected fault)');
    }
    return generateStoreRange(startStore, endStore, spec);
  };
}

/** Where the phase 4 stories' grid reads its rows: the MSW handlers in the tab, or a promoscale-server by URL. */
export type ApiTarget =
  | { kind: 'msw' }
  | { kind: 'server'; baseUrl: string }
  | { kind: 'invalid'; message: string };

const shown = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * The phase 4 stories' API target: the `apiUrl` arg when it is set, else an `apiUrl` query parameter of one of
 * `searches` (the story frame's and the Storybook page's `location.search`). Empty or absent: the MSW handlers.
 * Otherwise it must be an absolute `http:` or `https:` URL without credentials, query or fragment (the server's
 * origin, optionally a path prefix before `/api`); anything else is `invalid`, with a message naming the value.
 */
export function resolveApiTarget(arg: unknown, searches: readonly string[]): ApiTarget {
  let value = typeof arg === 'string' ? arg.trim() : '';
  for (const search of searches) {
    if (value !== '') break;
    value = (new URLSearchParams(search).get('apiUrl') ?? '').trim();
  }
  if (value === '') return { kind: 'msw' };
  const invalid = (why: string): ApiTarget => ({
    kind: 'invalid',
    message: `apiUrl ${shown(value)} ${why}: showing the MSW handlers instead. Give a server's base URL, e.g. http://127.0.0.1:8787`,
  });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return invalid('is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return invalid('is not an http: or https: URL');
  if (url.username !== '' || url.password !== '') return invalid('holds credentials');
  if (url.search !== '' || url.hash !== '' || value.endsWith('?') || value.endsWith('#'))
    return invalid('has a query or a fragment');
  return { kind: 'server', baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}
