// Every "Scaling phases" story of the built Storybook (storybook-static/, from the root `build-storybook` task) in
// one engine: each story alone (iframe.html?id=…&viewMode=story) must render without an error, show promotion rows
// in the grid, raise no page error and finish its play function without an exception (as the root's story tests
// assert in Chromium); a PNG of each is written to test-results/engines/<engine>/<story id>.png and each play
// function's outcome to test-results/engines/<engine>/play-functions.json (artifacts). The play functions' waits are
// sized for Chromium: the page gets a scale for them first (PLAY_TIMEOUT_SCALE, read by the stories' `playTimeout`
// and .storybook/preview.tsx), since these engines, driven over WebDriver, run the stories several times slower on a
// loaded 2-core machine. Page errors are caught by a script that the server adds to iframe.html's head, so they are
// seen the same way in every engine (WebDriver classic, WebKit's protocol here, has no page-error event).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, type EngineSession, launchEngine } from '../../test-support/browser-engines.mjs';
import { serveDirectory } from '../../test-support/browser-page.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STORYBOOK_STATIC = path.join(ROOT, 'storybook-static');
const SHOTS = path.join(ROOT, 'test-results', 'engines');
/**
 * The factor on the play functions' waits here (their longest, 20 s in Chromium, becomes 80 s): WebKit took 10-30 s
 * per story at load average 20 on 2 cores, with the main thread starved for seconds at a time. A wait ends when its
 * condition holds, so this only bounds a failing story.
 */
const PLAY_TIMEOUT_SCALE = 4;
/** How long a story may take to finish its load and play function in a slow engine on a busy CI machine. */
const STORY_BUDGET_MS = 150_000;

interface IndexEntry {
  id: string;
  title: string;
  name: string;
  type: 'story' | 'docs';
}

/** What the page reports back: Storybook's channel events, page errors, and the grid's visible rows. */
interface PageState {
  finished: { status: string | null; reports?: string[] } | null;
  /** The story did not render: storyErrored, storyThrewException. */
  failures: string[];
  /** The play function threw: playFunctionThrewException. */
  play: string[];
  errors: string[];
  rows: number;
}

/** Added to iframe.html's head before Storybook's own scripts: records page errors and the story's outcome. */
const PAGE_PROBE = `<script>
window.__promoscalePlayTimeoutScale = ${PLAY_TIMEOUT_SCALE};
(() => {
  const probe = (window.__engineProbe = { errors: [], failures: [], play: [], finished: null });
  addEventListener('error', (event) => probe.errors.push(String(event.message || event.error)));
  addEventListener('unhandledrejection', (event) =>
    probe.errors.push('unhandled rejection: ' + String((event.reason && event.reason.message) || event.reason)));
  const watch = (channel) => {
    // A report that failed (the a11y check: its violations' rule ids and first targets) says why the status is 'error'.
    channel.on('storyFinished', (payload) => {
      const failed = ((payload && payload.reporters) || []).filter((report) => report && report.status === 'failed');
      probe.finished = {
        status: (payload && payload.status) || null,
        reports: failed.map((report) => report.type + ': ' + (((report.result && report.result.violations) || [])
          .map((v) => v.id + ' at ' + ((v.nodes || []).slice(0, 2).map((node) => String(node.target)).join(', ')))
          .join('; ') || JSON.stringify(report.result).slice(0, 300))),
      };
    });
    for (const name of ['storyErrored', 'storyThrewException', 'playFunctionThrewException']) {
      const list = name === 'playFunctionThrewException' ? probe.play : probe.failures;
      channel.on(name, (payload) => list.push(name + ': ' + String((payload && (payload.message || payload.description)) || JSON.stringify(payload)).split('\\n').map((line) => line.trim()).filter(Boolean).slice(0, 4).join(' / ').slice(0, 400)));
    }
  };
  let channel;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set: (value) => { channel = value; watch(value); },
  });
})();
</script>`;

/** Runs in the page: the probe's record and how many grid rows with text are on screen. */
function readPage(): PageState {
  const probe = (window as unknown as { __engineProbe?: Omit<PageState, 'rows'> }).__engineProbe;
  const rows = Array.from(document.querySelectorAll('[role="row"][row-index]')).filter((row) => {
    const box = row.getBoundingClientRect();
    return (
      box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && row.textContent?.trim()
    );
  }).length;
  return {
    finished: probe?.finished ?? null,
    failures: probe?.failures ?? ['the page probe is missing'],
    play: probe?.play ?? [],
    errors: probe?.errors ?? [],
    rows,
  };
}

/** Defines one test per "Scaling phases" story in `engine`. */
export async function definePhaseStoryTests(engine: Engine): Promise<void> {
  let indexText: string;
  try {
    indexText = await readFile(path.join(STORYBOOK_STATIC, 'index.json'), 'utf8');
  } catch {
    throw new Error('storybook-static/ is missing: run `pnpm build-storybook` at the repository root first');
  }
  const stories = Object.values(
    (JSON.parse(indexText) as { entries: Record<string, IndexEntry> }).entries,
  ).filter((entry) => entry.type === 'story' && entry.title.startsWith('Scaling phases/'));

  describe(`Scaling phases stories in ${engine}`, () => {
    let session: EngineSession;
    let server: { origin: string; close: () => Promise<void> };
    const playOutcomes: Record<string, string> = {};

    beforeAll(async () => {
      // A browser that does not start fails every test below with its reason (never a skip).
      session = await launchEngine(engine);
      server = await serveDirectory(STORYBOOK_STATIC, {
        rewrite: (pathname, text) =>
          pathname === '/iframe.html' ? text.replace('<head>', `<head>${PAGE_PROBE}`) : text,
      });
      await mkdir(path.join(SHOTS, engine), { recursive: true });
      await writeFile(path.join(SHOTS, engine, 'version.txt'), `${session.version}\n`);
      console.log(`${engine}: ${session.version}`);
    });

    afterAll(async () => {
      await writeFile(
        path.join(SHOTS, engine, 'play-functions.json'),
        `${JSON.stringify(playOutcomes, null, 2)}\n`,
      );
      await server?.close();
      await session?.close();
    });

    it('finds the phase stories in storybook-static/index.json', () => {
      expect(stories.length).toBeGreaterThanOrEqual(10);
    });

    for (const { id, title, name } of stories) {
      it(id, async () => {
        await session.goto(`${server.origin}/iframe.html?id=${id}&viewMode=story`);
        const deadline = Date.now() + STORY_BUDGET_MS;
        let state = await session.evaluate(readPage, undefined);
        const done = (s: PageState) => s.play.length > 0 || (s.finished !== null && s.rows > 0);
        while (!done(state) && state.failures.length === 0 && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          state = await session.evaluate(readPage, undefined);
        }
        await writeFile(path.join(SHOTS, engine, `${id}.png`), await session.screenshot());
        playOutcomes[id] = state.play[0] ?? state.finished?.status ?? 'not finished';
        if (state.play.length > 0) console.log(`${engine} ${id}: ${state.play[0]}`);
        expect(
          { failures: state.failures, errors: state.errors },
          `${title} / ${name}: render and page errors`,
        ).toEqual({ failures: [], errors: [] });
        expect(state.rows, `${title} / ${name}: grid rows on screen`).toBeGreaterThan(0);
        expect(state.play, `${title} / ${name}: play function`).toEqual([]);
        expect(
          { status: state.finished?.status ?? 'not finished', reports: state.finished?.reports ?? [] },
          `${title} / ${name}: story finished (failed reports listed)`,
        ).toEqual({ status: 'success', reports: [] });
      });
    }
  });
}
