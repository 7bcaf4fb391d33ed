// Vitest browser mode in Firefox and WebKit, beside vitest.chromium.ts (decision 0013-browser-engines). Playwright
// cannot drive Debian's Firefox, and its own Firefox and WebKit builds cannot be downloaded here; Vitest's stock
// webdriverio provider wants geckodriver (a download) and forces `browserName: 'safari'`. So each engine gets a small
// provider of its own, launching the browser with test-support/browser-engines.mjs: Firefox ESR through puppeteer-core
// (WebDriver BiDi, headless), WebKitGTK's MiniBrowser through Debian's WebKitWebDriver and webdriverio under a
// private Xvfb display. The pages only need to be opened: the tests talk to Vitest over its own WebSocket, so these
// providers offer no commands (no `userEvent`, no `page.screenshot`, no module mocking). A browser that does not
// start rejects `openPage` with its reason, and Vitest fails the run with it. Listed in turbo.json's
// globalDependencies.
import type { BrowserProvider, BrowserProviderOption, TestProject } from 'vitest/node';
import { type Engine, type EngineSession, launchEngine } from './test-support/browser-engines.mjs';

/** A Vitest provider that opens each session's page in one browser of `engine`, launched on first use. */
class EngineProvider implements BrowserProvider {
  readonly name: string;
  readonly supportsParallelism = false;
  private session: Promise<EngineSession> | undefined;

  constructor(private readonly engine: Engine) {
    this.name = `promoscale-${engine}`;
  }

  getCommandsContext(): Record<string, unknown> {
    return {};
  }

  async openPage(_sessionId: string, url: string): Promise<void> {
    this.session ??= launchEngine(this.engine);
    await (await this.session).goto(url);
  }

  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    await (await session?.catch(() => undefined))?.close();
  }
}

/**
 * The provider option of `engine` for `browser.instances[].provider`. Its browser server is Vitest's own (what
 * `defineBrowserProvider` adds to every provider), taken from the package's `playwright` factory so no package
 * needs `@vitest/browser` as well.
 */
export function engineProvider(
  engine: Engine,
  playwright: () => { serverFactory: BrowserProviderOption['serverFactory'] },
): BrowserProviderOption {
  return {
    name: `promoscale-${engine}`,
    supportedBrowser: [engine],
    options: {},
    serverFactory: playwright().serverFactory,
    providerFactory: (_project: TestProject) => new EngineProvider(engine),
  };
}

/**
 * The `test` part of a browser-mode config that runs `tests/browser/` in Firefox and WebKit, given the package's
 * own `playwright` provider factory: results in `test-results/vitest-engines.json`. Pass `include` to run fewer
 * files than Chromium does.
 */
export function enginesTestConfig(
  playwright: () => { serverFactory: BrowserProviderOption['serverFactory'] },
  include = ['tests/browser/**/*.test.ts'],
) {
  return {
    include,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-engines.json' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    expect: { poll: { timeout: 10_000 } },
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      instances: (['firefox', 'webkit'] as const).map((engine) => ({
        browser: engine,
        provider: engineProvider(engine, playwright),
      })),
    },
  };
}
