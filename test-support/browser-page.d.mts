// Types of browser-page.mjs for the TypeScript tests that import it.
import type { Browser } from 'playwright';

/** The args every headless Chromium here needs (vitest.chromium.ts's CHROMIUM_ARGS). */
export function chromiumArgs(): Promise<string[]>;
/** Launches Debian Chromium (CHROMIUM_PATH to override) through Playwright with the shared args. */
export function launchChromium(extraArgs?: string[]): Promise<Browser>;
/**
 * Serves the files of `dir` on loopback; `port` 0 (the default) picks a free one. `rewrite` may return another text
 * for an `.html` file.
 */
export function serveDirectory(
  dir: string,
  options?: { port?: number; host?: string; rewrite?: (pathname: string, text: string) => string },
): Promise<{ origin: string; close: () => Promise<void> }>;
