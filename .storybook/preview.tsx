import { setupPromoscaleWorker } from '@promoscale/msw/browser';
import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';

// findBy*/waitFor wait up to 15 s (Testing Library's default is 1 s): the story tests run beside other suites on a
// busy 2-core CI machine, where a debounced filter and a grid refresh took over a second (a failed CI run). The
// Firefox and WebKit checks (tests/engines/) set a scale on the page first: those engines, driven over WebDriver,
// run the same stories several times slower there (the phase stories' `playTimeout` reads the same scale).
const timeoutScale = Number((globalThis as Record<string, unknown>).__promoscalePlayTimeoutScale);
configure({
  asyncUtilTimeout: 15_000 * (Number.isFinite(timeoutScale) && timeoutScale > 1 ? timeoutScale : 1),
});

const preview: Preview = {
  // One MSW worker for every story, with the promoscale handlers (5 stores, seed 42) as its initial handlers; a
  // story swaps the dataset or the network profile with `beforeEach({ msw }) { msw.use(...) }`.
  loaders: [
    mswLoader(async () => {
      const worker = setupPromoscaleWorker({ dataset: { seed: 42, stores: 5 } });
      await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
      return worker;
    }),
  ],
  parameters: {
    layout: 'padded',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    // Every story runs the a11y checks, and a violation fails its test (`pnpm test`).
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
