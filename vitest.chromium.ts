// Shared by every package's vitest.browser.config.ts (and later .storybook): headless Debian Chromium, never a
// Playwright download (`playwright install` cannot reach its CDN here). Listed in turbo.json's globalDependencies.
/** The args every headless Chromium here needs; without the background-networking ones it floods a closed network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The `test` part of a browser-mode config, given the package's own `playwright` provider factory (each package
 * depends on `@vitest/browser-playwright`; the root does not): tests in `tests/browser/`, results in
 * `test-results/vitest-browser.json`.
 */
export function chromiumTestConfig<Provider>(
  provider: (options: { launchOptions: { executablePath: string; args: string[] } }) => Provider,
) {
  return {
    include: ['tests/browser/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-browser.json' },
    testTimeout: 30_000,
    // expect.element / expect.poll retry up to 10 s (Vitest's default is 1 s): a busy 2-core CI machine is slow.
    expect: { poll: { timeout: 10_000 } },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: provider({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      }),
      instances: [{ browser: 'chromium' as const }],
    },
  };
}
