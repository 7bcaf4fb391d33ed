import { recommendApproach } from '@promoscale/scaling';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DemoControls } from '../controls/demo-controls.js';
import { LOAD_MARKS } from '../dashboard/load-marks.js';
import {
  DEFAULT_STATE,
  type DemoState,
  parseDemoUrl,
  serializeDemoUrl,
  serverOrigin,
} from '../state/demo-url-state.js';
import { LazyPart } from './lazy-part.js';

const loadDashboard = () => import('../dashboard/dashboard.js');

/** The default view; its source is `VITE_API_URL` when the build sets one (an invalid one is reported). */
function defaults(): { state: DemoState; problems: string[] } {
  const api = import.meta.env.VITE_API_URL as string | undefined;
  if (!api) return { state: DEFAULT_STATE, problems: [] };
  const origin = serverOrigin(api);
  if (origin) return { state: { ...DEFAULT_STATE, source: origin }, problems: [] };
  return {
    state: DEFAULT_STATE,
    problems: ['VITE_API_URL is not an http(s) address; using MSW in this tab.'],
  };
}

function readLocation(): { state: DemoState; problems: string[] } {
  const base = defaults();
  const parsed = parseDemoUrl(window.location.search, base.state);
  return { state: parsed.state, problems: [...base.problems, ...parsed.problems.map((p) => p.message)] };
}

/**
 * The dashboard page: controls, the problems with the link or with what was typed, and the dashboard (a separate
 * chunk). The URL always holds the state shown (`?stores=&template=&seed=&phase=&source=`), so a link reproduces
 * the view and Back/Forward walk through the views.
 */
export function App() {
  const [{ state, problems }, setView] = useState(readLocation);

  useEffect(() => {
    performance.mark(LOAD_MARKS.interactive);
    const canonical = serializeDemoUrl(state);
    if (window.location.search !== canonical) window.history.replaceState(null, '', canonical);
    // Only on the first render: later states are pushed by `change`.
  }, []);
  useEffect(() => {
    const onPop = () => setView(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const change = useCallback((next: DemoState, nextProblems: string[]) => {
    const search = serializeDemoUrl(next);
    if (window.location.search !== search) window.history.pushState(null, '', search);
    setView({ state: next, problems: nextProblems });
  }, []);

  const recommended = useMemo(() => recommendApproach(state.stores).approach, [state.stores]);

  return (
    <main className="app">
      <header>
        <h1>promoscale dashboard</h1>
        <p className="muted">
          Retail promotions generated in this tab, loaded the way each scaling phase does it. Pick a store
          count and watch the phase change; the link reproduces the view.
        </p>
      </header>
      <DemoControls state={state} recommended={recommended} onChange={change} />
      {problems.length > 0 ? (
        <div role="alert" className="problems" aria-label="Problems with the view's settings">
          <ul>
            {problems.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <LazyPart load={loadDashboard} props={{ state, recommended }} what="the dashboard" />
    </main>
  );
}
