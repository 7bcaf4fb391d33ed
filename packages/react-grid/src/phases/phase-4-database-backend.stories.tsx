import { createClient, createGeneratedSource, type LiveUpdate } from '@promoscale/api';
import { MAX_STORES, TEMPLATE_NAMES, type TemplateName } from '@promoscale/generator';
import { createHandlers, type LatencyOption } from '@promoscale/msw';
import { canTransferStreams } from '@promoscale/msw/browser';
import { formatByUnit, ServerPromotionsGrid, type ServerPromotionsGridProps } from '@promoscale/react-grid';
import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { expect, userEvent, waitFor } from 'storybook/test';
import { type ApiTarget, playTimeout, resolveApiTarget } from './phase-story-helpers.js';

/** The controls of the phase 4 stories: the dataset the MSW handlers serve, their network, and the grid's options. */
interface Phase4Args
  extends Pick<ServerPromotionsGridProps, 'blockSize' | 'fields' | 'initialFilterModel' | 'kpis'> {
  stores: number;
  templates: 'MIXED' | TemplateName;
  seed: number;
  latency: 'none' | 'fast' | 'realistic';
  /** Follow /api/live, paced by the server this many ms apart; 0 turns live updates off. */
  liveIntervalMs: number;
  cache: boolean;
  /** Planned faults of GET /api/promotions (503, then it recovers). */
  failures: number;
  /**
   * Base URL of a running promoscale-server (`http://127.0.0.1:8787`): the grid reads it instead of the MSW
   * handlers. Empty: the page's `?apiUrl=` query parameter, if any, else MSW.
   */
  apiUrl?: string;
}

// Every URL the stories' grids fetch, so play functions can check what went to the server.
const requests: URL[] = [];
const trackedFetch: typeof fetch = (input, init) => {
  requests.push(new URL(input instanceof Request ? input.url : input, location.href));
  return fetch(input, init);
};
// The MSW handlers answer same-origin `/api/…` requests in this tab.
const client = createClient({ baseUrl: '', fetch: trackedFetch });
const serverClients = new Map<string, ReturnType<typeof createClient>>();

/** The `location.search` of the story frame and, when Storybook's page is the same origin, of that page. */
function pageSearches(): string[] {
  const searches = [location.search];
  try {
    if (window.parent !== window) searches.push(window.parent.location.search);
  } catch {
    // A Storybook page of another origin: only the frame's own query counts.
  }
  return searches;
}

/** Where the story's grid reads: the `apiUrl` arg, else `?apiUrl=` of the page, else the MSW handlers. */
function apiTarget(args: Phase4Args): ApiTarget {
  return resolveApiTarget(args.apiUrl, pageSearches());
}

/** The client of a target: a promoscale-server at its base URL, or the MSW handlers. */
function clientOf(target: ApiTarget) {
  if (target.kind !== 'server') return client;
  let server = serverClients.get(target.baseUrl);
  if (!server) {
    server = createClient({ baseUrl: target.baseUrl, fetch: trackedFetch });
    serverClients.set(target.baseUrl, server);
  }
  return server;
}
const blockRequests = () =>
  requests.filter((url) => url.pathname === '/api/promotions' && url.searchParams.has('offset'));

type MswApi = { use: (...handlers: HttpHandler[]) => void };
let installed = '';

/** Serves the story's dataset and network profile through MSW (again whenever a control changes them). */
function serve(msw: MswApi | undefined, args: Phase4Args) {
  // A real server serves its own dataset: the dataset and network controls do not apply.
  if (apiTarget(args).kind === 'server') return;
  const key = JSON.stringify([args.seed, args.stores, args.templates, args.latency, args.failures]);
  if (!msw || key === installed) return;
  installed = key;
  const latency: LatencyOption = args.latency;
  msw.use(
    ...createHandlers({
      dataset: { seed: args.seed, stores: args.stores, templates: args.templates },
      network: {
        latency,
        faults:
          args.failures > 0 ? [{ route: 'GET /api/promotions', status: 503, times: args.failures }] : [],
      },
      live: { intervalMs: Math.max(args.liveIntervalMs, 1), retryMs: 3000 },
    }),
  );
}

/**
 * Where MSW's worker cannot stream a body (WebKit: no stream transfer to the Service Worker), it answers
 * `GET /api/live` only once the stream ends, so the grid polls: one event per bounded stream, at the live pace.
 * A real server streams in every engine.
 */
const MSW_POLLS_LIVE = !canTransferStreams();

function Phase4Grid(args: Phase4Args) {
  const target = apiTarget(args);
  const polls = MSW_POLLS_LIVE && target.kind !== 'server';
  const label =
    target.kind === 'server'
      ? `Promotions from the promoscale-server at ${target.baseUrl} (server rows)`
      : `Promotions of ${args.stores.toLocaleString('en-US')} stores (server rows)`;
  const grid = (
    <ServerPromotionsGrid
      // A new dataset is a new grid: its cache opens for that dataset (dropping the old one's blocks).
      key={target.kind === 'server' ? target.baseUrl : `${args.seed}-${args.stores}-${args.templates}`}
      client={clientOf(target)}
      height={440}
      blockSize={args.blockSize ?? 100}
      cache={args.cache ? { name: 'promoscale-storybook-blocks' } : false}
      live={
        args.liveIntervalMs > 0
          ? {
              intervalMs: args.liveIntervalMs,
              reconnectDelayMs: 1000,
              ...(polls ? { eventsPerStream: 1 } : {}),
            }
          : false
      }
      label={label}
      {...(args.fields ? { fields: args.fields } : {})}
      {...(args.initialFilterModel ? { initialFilterModel: args.initialFilterModel } : {})}
      {...(args.kpis === undefined ? {} : { kpis: args.kpis })}
    />
  );
  if (target.kind !== 'invalid') return grid;
  return (
    <>
      <p
        role="status"
        data-testid="api-url-warning"
        style={{ font: '14px system-ui, sans-serif', color: '#7a4100', margin: '0 0 8px' }}
      >
        {target.message}
      </p>
      {grid}
    </>
  );
}

const meta = {
  title: 'Scaling phases/Phase 4 · Database backend',
  // The title's middle dot would be in every story id (and URL): the id says the same in plain ASCII.
  id: 'scaling-phases-phase-4-database-backend',
  component: Phase4Grid,
  tags: ['autodocs'],
  args: {
    stores: 5_000,
    templates: 'MIXED',
    seed: 42,
    latency: 'realistic',
    liveIntervalMs: 1000,
    cache: true,
    failures: 0,
    blockSize: 100,
    apiUrl: '',
  },
  argTypes: {
    stores: {
      control: { type: 'number', min: 1, max: MAX_STORES },
      description: 'Store count (30 promotions each)',
    },
    templates: { control: 'select', options: ['MIXED', ...TEMPLATE_NAMES], description: 'Store template' },
    seed: { control: 'number', description: 'Seed: the same seed gives the same rows' },
    latency: {
      control: 'inline-radio',
      options: ['none', 'fast', 'realistic'],
      description: 'MSW latency profile',
    },
    liveIntervalMs: {
      control: { type: 'number', min: 0, max: 60_000 },
      description: '0 turns live updates off',
    },
    cache: { control: 'boolean', description: 'IndexedDB block cache' },
    failures: {
      control: { type: 'number', min: 0, max: 10 },
      description: 'Planned 503s of /api/promotions',
    },
    blockSize: { control: { type: 'number', min: 1, max: 1000 }, description: 'Rows per block request' },
    kpis: { control: 'boolean', description: 'KPIs from /api/summary' },
    apiUrl: {
      control: 'text',
      description:
        'Base URL of a running promoscale-server (started with --cors-origin for this page); empty: ?apiUrl= of the page, else MSW',
    },
    fields: { control: false },
    initialFilterModel: { control: false },
  },
  beforeEach({ args, ...context }) {
    installed = '';
    requests.length = 0;
    serve((context as unknown as { msw?: MswApi }).msw, args);
  },
  render: (args, context) => {
    serve((context as unknown as { msw?: MswApi }).msw, args);
    return <Phase4Grid {...args} />;
  },
} satisfies Meta<Phase4Args>;

export default meta;
type Story = StoryObj<typeof meta>;

// The first sorted or filtered query generates and indexes every row in the tab (0.3-0.6 s at 5,000 stores).
const SLOW = playTimeout(20_000);
const countLine = (canvas: StoryContext['canvas']) => canvas.getByTestId('row-count');
const firstRowId = (root: HTMLElement) =>
  root.querySelector('[role="row"][row-index="0"]')?.getAttribute('row-id');

/** 5,000 stores (150,000 promotions) over MSW with realistic latency: the grid fetches 100-row blocks as it scrolls. */
export const DatabasePhase5000Stores: Story = {
  name: 'Database backend phase · 5,000 stores',
  play: async ({ canvas, canvasElement }) => {
    const first = await client.promotions({ limit: 1 });
    // The whole line, not a part of it: "100 of 150,000 promotions" shows until the grid restates its row count.
    await waitFor(
      () => expect(countLine(canvas)).toHaveTextContent(`${first.total.toLocaleString('en-US')} promotions`),
      SLOW,
    );
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^150,000 promotions$/), SLOW);
    await waitFor(() => expect(firstRowId(canvasElement)).toBe(first.items[0]?.id), SLOW);
    await expect(blockRequests()[0]?.searchParams.get('limit')).toBe('100');
  },
};

/** 50,000 stores (1.5 M promotions): unsorted pages come lazily; sorting, filtering and KPIs build compact columns. */
export const DatabasePhase50000Stores: Story = {
  name: 'Database backend phase · 50,000 stores',
  args: { stores: 50_000, kpis: false },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^1,500,000 promotions$/), SLOW);
    const first = await client.promotions({ limit: 1 });
    await waitFor(() => expect(firstRowId(canvasElement)).toBe(first.items[0]?.id), SLOW);
  },
};

/** Fast network, no live updates, a few columns: every column the play function uses is on screen. */
const NARROW_FAST: Partial<Phase4Args> = {
  latency: 'fast',
  liveIntervalMs: 0,
  fields: ['id', 'storeId', 'productName', 'category', 'revenue', 'roi'],
};

/** Sorting a column sends `sort=` to the server; the first row changes. */
export const ServerSortPhase: Story = {
  name: 'Database backend phase · server sort',
  args: NARROW_FAST,
  play: async ({ canvas, canvasElement }) => {
    const unsorted = (await client.promotions({ limit: 1 })).items[0]?.id;
    await waitFor(() => expect(firstRowId(canvasElement)).toBe(unsorted), SLOW);
    const header = canvas.getByRole('columnheader', { name: /ROI/ });
    await userEvent.click(header.querySelector('.ag-header-cell-label') ?? header);
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    await waitFor(() => expect(blockRequests().at(-1)?.searchParams.get('sort')).toBe('roi'), SLOW);
    const lowest = (await client.promotions({ sort: 'roi', limit: 1 })).items[0];
    await waitFor(() => expect(firstRowId(canvasElement)).toBe(lowest?.id), SLOW);
    await expect(lowest?.id).not.toBe(unsorted);
  },
};

/** A column filter goes to the server as `storeId=STORE_007`: the total shrinks to that store's 30 promotions. */
export const ServerFilterPhase: Story = {
  name: 'Database backend phase · server filter',
  args: NARROW_FAST,
  play: async ({ canvas }) => {
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^150,000 promotions$/), SLOW);
    await userEvent.type(canvas.getByRole('textbox', { name: /Store ID Filter Input/i }), 'STORE_007');
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^30 promotions$/), SLOW);
    await expect(blockRequests().at(-1)?.searchParams.get('storeId')).toBe('STORE_007');
    // The summary is its own request: it may answer after the rows.
    await waitFor(
      () => expect(canvas.getByText('Over 30 promotions, from the server summary.')).toBeVisible(),
      SLOW,
    );
  },
};

/**
 * Scrolls the grid so that row `index` of `total` is at the top, as a person dragging the scrollbar there does.
 * AG Grid caps the height of its rows container (4,000,000 px in Firefox, where taller boxes render blank) and maps
 * the scroll range proportionally onto the rows beyond that cap: 150,000 rows of 34 px are 5.1 M px, so in Firefox
 * `scrollTop = index × 34` would show row ~165, not 130. Below the cap (Chromium, WebKit) the mapping is 1:1.
 */
function scrollToRow(root: HTMLElement, index: number, total: number) {
  const viewport = root.querySelector('.ag-grid-viewport') as HTMLElement;
  const rows = root.querySelector('.ag-grid-scrolling-container') as HTMLElement;
  const rowHeight = (root.querySelector('[role="row"][row-index]') as HTMLElement).offsetHeight;
  // The rows' share of the viewport: its height less the headers above the rows container.
  const body = viewport.clientHeight - (viewport.scrollHeight - rows.offsetHeight);
  const modelHeight = total * rowHeight;
  const top = index * rowHeight;
  viewport.scrollTop =
    modelHeight <= rows.offsetHeight
      ? top
      : Math.round((top * (rows.offsetHeight - body)) / (modelHeight - body));
  viewport.dispatchEvent(new Event('scroll'));
}

/** Scrolling past the first block makes the grid ask for the next one (`offset=100`). */
export const ServerInfiniteScrollPhase: Story = {
  name: 'Database backend phase · server infinite scroll',
  args: { latency: 'fast', liveIntervalMs: 0 },
  play: async ({ canvas, canvasElement }) => {
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^150,000 promotions$/), SLOW);
    scrollToRow(canvasElement, 130, 150_000);
    await waitFor(
      () => expect(blockRequests().some((url) => url.searchParams.get('offset') === '100')).toBe(true),
      SLOW,
    );
    await waitFor(
      () =>
        expect(canvasElement.querySelector('[role="row"][row-index="130"]')?.getAttribute('row-id')).toMatch(
          /^PRM-/,
        ),
      SLOW,
    );
  },
};

/** A `promotion.updated` event for a row on screen updates it in place and flashes the changed cells. */
export const ServerLiveUpdatesPhase: Story = {
  name: 'Database backend phase · server live updates',
  args: {
    latency: 'fast',
    liveIntervalMs: 400,
    fields: ['id', 'storeId', 'productName', 'promoUnits', 'revenue', 'liftPct', 'roi'],
  },
  loaders: [
    // The first live event of this dataset, so the story can show its store and expect its new figures.
    async ({ args }) => ({
      update: await createGeneratedSource({
        seed: args.seed,
        stores: args.stores,
        templates: args.templates,
      }).liveUpdate(1),
    }),
  ],
  render: (args, context) => {
    serve((context as unknown as { msw?: MswApi }).msw, args);
    const update = context.loaded.update as LiveUpdate | null;
    const storeId = update?.promotion.storeId ?? 'STORE_001';
    return (
      <Phase4Grid
        {...args}
        initialFilterModel={{ storeId: { filterType: 'text', type: 'equals', filter: storeId } }}
      />
    );
  },
  play: async ({ canvasElement, loaded }) => {
    const update = loaded.update as LiveUpdate;
    const cell = () => canvasElement.querySelector(`[row-id="${update.promotion.id}"] [col-id="promoUnits"]`);
    await waitFor(() => expect(cell()).not.toBeNull(), SLOW);
    await waitFor(
      () => expect(cell()?.textContent).toBe(formatByUnit(update.promotion.promoUnits, 'count')),
      SLOW,
    );
  },
};

/** Two planned 503s: the grid shows the error with Retry, and Retry loads the rows. */
export const ServerErrorPhase: Story = {
  name: 'Database backend phase · server error and Retry',
  args: { latency: 'fast', liveIntervalMs: 0, failures: 2, cache: false },
  play: async ({ canvas }) => {
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent('503');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(countLine(canvas)).toHaveTextContent(/^150,000 promotions$/), SLOW);
  },
};
