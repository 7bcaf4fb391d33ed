// Firefox and WebKit beside Chromium (decision 0013-browser-engines), shared by vitest.engines.ts (Vitest browser
// mode), the Storybook checks in tests/engines/ and the generator's browser bench. Playwright cannot drive Debian's
// Firefox and cannot download its own Firefox or WebKit here, so: Firefox ESR through puppeteer-core (WebDriver
// BiDi, headless, no geckodriver), WebKitGTK's MiniBrowser through Debian's WebKitWebDriver and webdriverio under a
// private Xvfb display. Plain .mjs: Node 20 scripts import it without a TypeScript loader (types: .d.mts beside it).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Debian's Firefox ESR (`apt-get install firefox-esr`); FIREFOX_PATH overrides it. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** WebKitGTK's browser for automation (Debian's libwebkit2gtk-4.1-0); MINIBROWSER_PATH overrides it. */
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** Debian's WebDriver server for WebKitGTK (package webkit2gtk-driver); WEBKIT_DRIVER_PATH overrides it. */
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

const VIEWPORT = { width: 1280, height: 900 };

/** Launches headless Firefox ESR through puppeteer-core; rejects with the reason when it does not start. */
export async function launchFirefox({ viewport = VIEWPORT, args = [] } = {}) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      defaultViewport: viewport,
      args,
    })
    .catch((error) => {
      throw new Error(`Firefox did not start (${FIREFOX_PATH}): ${firstLine(error)}`);
    });
  const page = await browser.newPage();
  return {
    engine: 'firefox',
    version: await browser.version(),
    async goto(url) {
      await page.goto(url, { timeout: 0 });
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    screenshot: async () => Buffer.from(await page.screenshot({ type: 'png' })),
    close: () => browser.close(),
  };
}

/**
 * Starts a private Xvfb display and WebKitWebDriver on a free loopback port, then WebKitGTK's MiniBrowser through
 * webdriverio with the only capabilities WebKitWebDriver accepts here (any other browserName, or `webSocketUrl`,
 * fails with "Failed to match capabilities"). Rejects with the reason when one of them does not start.
 */
export async function launchWebKit({ viewport = VIEWPORT } = {}) {
  const children = [];
  const stopChildren = () => {
    for (const child of children.reverse()) child.kill();
  };
  try {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    children.push(xvfb);
    const display = `:${(await readDisplay(xvfb)).trim()}`;
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, DISPLAY: display },
    });
    children.push(driver);
    await waitForDriver(driver, port);
    const { remote } = await import('webdriverio');
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      },
    });
    await browser.setWindowSize(viewport.width, viewport.height);
    return {
      engine: 'webkit',
      version: `WebKitGTK ${browser.capabilities.browserVersion ?? '(version not reported)'}`,
      async goto(url) {
        await browser.url(url);
      },
      evaluate: (fn, arg) => browser.execute(fn, arg),
      screenshot: async () => Buffer.from(await browser.takeScreenshot(), 'base64'),
      async close() {
        await browser.deleteSession().catch(() => {});
        stopChildren();
      },
    };
  } catch (error) {
    stopChildren();
    throw new Error(
      `WebKit did not start (${MINIBROWSER_PATH} through ${WEBKIT_DRIVER_PATH}): ${firstLine(error)}`,
    );
  }
}

/** Launches `engine` ('firefox' or 'webkit'; see launchFirefox and launchWebKit). */
export function launchEngine(engine, options) {
  return engine === 'firefox' ? launchFirefox(options) : launchWebKit(options);
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0] ?? '';
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The display number Xvfb writes to fd 3 once it listens (`-displayfd 3`); rejects if it exits first or in 20 s. */
function readDisplay(xvfb) {
  return new Promise((resolve, reject) => {
    let text = '';
    let errors = '';
    xvfb.stderr.on('data', (chunk) => {
      errors = (errors + chunk).slice(-500);
    });
    const timer = setTimeout(
      () => reject(new Error(`Xvfb gave no display in 20 s ${errors.trim()}`)),
      20_000,
    );
    xvfb.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (/^\d+\n/.test(text)) {
        clearTimeout(timer);
        resolve(text);
      }
    });
    xvfb.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb: ${error.message}`));
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) ${errors.trim()}`));
    });
  });
}

/** Resolves once the WebDriver server on `port` answers `/status`; rejects if it exits first or in 20 s. */
async function waitForDriver(driver, port) {
  let exited;
  let errors = '';
  driver.stderr.on('data', (chunk) => {
    errors = (errors + chunk).slice(-500);
  });
  driver.once('error', (error) => {
    exited = error.message;
  });
  driver.once('exit', (code) => {
    exited ??= `exited (${code})`;
  });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`WebKitWebDriver: ${exited} ${errors.trim()}`);
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer /status in 20 s ${errors.trim()}`);
}
