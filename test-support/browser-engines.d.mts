// Types of browser-engines.mjs for the TypeScript files that import it.

/** Debian's Firefox ESR; FIREFOX_PATH overrides it. */
export const FIREFOX_PATH: string;
/** WebKitGTK's MiniBrowser; MINIBROWSER_PATH overrides it. */
export const MINIBROWSER_PATH: string;
/** Debian's WebKitWebDriver; WEBKIT_DRIVER_PATH overrides it. */
export const WEBKIT_DRIVER_PATH: string;

/** The engines driven beside Chromium. */
export type Engine = 'firefox' | 'webkit';

/** One browser of an engine with one page. */
export interface EngineSession {
  engine: Engine;
  /** The browser's own version string, e.g. `firefox/153.8.0esr` or `WebKitGTK 2.50.6`. */
  version: string;
  /** Opens `url` in the page and waits for its load event. */
  goto(url: string): Promise<void>;
  /** Runs the self-contained `fn(arg)` in the page and returns its (JSON) result; `fn` may be async. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<Awaited<R>>;
  /** A PNG of the viewport. */
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Options of the launchers: the page's viewport (1280×900 by default); Firefox also takes extra `args`. */
export interface LaunchOptions {
  viewport?: { width: number; height: number };
  args?: string[];
}

/** Launches headless Firefox ESR through puppeteer-core; rejects with the reason when it does not start. */
export function launchFirefox(options?: LaunchOptions): Promise<EngineSession>;
/** Starts Xvfb, WebKitWebDriver and WebKitGTK's MiniBrowser; rejects with the reason when one does not start. */
export function launchWebKit(options?: LaunchOptions): Promise<EngineSession>;
/** Launches `engine`. */
export function launchEngine(engine: Engine, options?: LaunchOptions): Promise<EngineSession>;
