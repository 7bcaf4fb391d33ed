import type { ScalingApproach } from '@promoscale/scaling';
import { type FormEvent, useEffect, useState } from 'react';
import {
  DEMO_PHASES,
  DEMO_TEMPLATES,
  type DemoState,
  type DemoTemplate,
  FORCED_PHASES,
  MAX_CLIENT_STORES,
  parseDemoUrl,
  STORE_PRESETS,
} from '../state/demo-url-state.js';

/** Props of {@link DemoControls}. */
export interface DemoControlsProps {
  state: DemoState;
  recommended: ScalingApproach;
  /** Called with the next state and the problems with what was typed (empty when it was valid). */
  onChange: (next: DemoState, problems: string[]) => void;
}

// The names react-grid's PhaseBadge shows; written here so the first screen does not load the grid's bundle.
const PHASE_NAMES: Record<ScalingApproach, string> = {
  SINGLE_BATCH: 'Phase 1 · Single batch',
  CHUNKED_PROCESSING: 'Phase 2 · Chunked',
  STREAMING_ITERATOR: 'Phase 3 · Streaming',
  DATABASE_BACKEND: 'Phase 4 · Database backend',
};

/**
 * The dashboard's controls: store count (a number field and presets), template, seed, phase and data source.
 * Typed values go through the same validation as the URL, so a bad value gets the same message and fallback.
 */
export function DemoControls({ state, recommended, onChange }: DemoControlsProps) {
  const [stores, setStores] = useState(String(state.stores));
  const [seed, setSeed] = useState(String(state.seed));
  const [server, setServer] = useState(state.source === 'msw' ? '' : state.source);
  useEffect(() => setStores(String(state.stores)), [state.stores]);
  useEffect(() => setSeed(String(state.seed)), [state.seed]);
  useEffect(() => setServer(state.source === 'msw' ? '' : state.source), [state.source]);

  // Every change is read back through parseDemoUrl: one set of rules for links and for typing.
  const apply = (change: Record<string, string>) => {
    const params = new URLSearchParams({
      stores: String(state.stores),
      template: state.template,
      seed: String(state.seed),
      phase: state.phase,
      source: state.source,
      ...change,
    });
    const { state: next, problems } = parseDemoUrl(`?${params}`, state);
    onChange(
      next,
      problems.map((p) => p.message),
    );
  };
  const submit = (event: FormEvent<HTMLFormElement>, change: Record<string, string>) => {
    event.preventDefault();
    apply(change);
  };

  return (
    <div className="controls">
      <form onSubmit={(e) => submit(e, { stores })} className="control">
        <label htmlFor="stores">Stores</label>
        <input
          id="stores"
          inputMode="numeric"
          value={stores}
          onChange={(e) => setStores(e.target.value)}
          onBlur={() => stores !== String(state.stores) && apply({ stores })}
          size={7}
        />
        <fieldset className="presets">
          <legend className="visually-hidden">Store presets</legend>
          {STORE_PRESETS.map((preset) => (
            <button
              key={preset}
              type="button"
              aria-pressed={state.stores === preset}
              onClick={() => apply({ stores: String(preset) })}
            >
              {preset.toLocaleString('en-US')}
            </button>
          ))}
        </fieldset>
      </form>
      <div className="control">
        <label htmlFor="template">Template</label>
        <select id="template" value={state.template} onChange={(e) => apply({ template: e.target.value })}>
          {DEMO_TEMPLATES.map((t: DemoTemplate) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </div>
      <form onSubmit={(e) => submit(e, { seed })} className="control">
        <label htmlFor="seed">Seed</label>
        <input
          id="seed"
          value={seed}
          onChange={(e) => setSeed(e.target.value)}
          onBlur={() => seed !== String(state.seed) && apply({ seed })}
          size={10}
        />
      </form>
      <div className="control">
        <label htmlFor="phase">Phase</label>
        <select id="phase" value={state.phase} onChange={(e) => apply({ phase: e.target.value })}>
          {DEMO_PHASES.map((p) => (
            <option
              key={p}
              value={p}
              disabled={p !== 'auto' && p !== 'server' && state.stores > MAX_CLIENT_STORES}
            >
              {p === 'auto' ? `Auto (${PHASE_NAMES[recommended]})` : PHASE_NAMES[FORCED_PHASES[p]]}
            </option>
          ))}
        </select>
      </div>
      <form
        onSubmit={(e) => submit(e, { source: server.trim() === '' ? 'msw' : server.trim() })}
        className="control"
      >
        <fieldset className="source">
          <legend>Data source (phase 4)</legend>
          <label>
            <input
              type="radio"
              name="source"
              checked={state.source === 'msw'}
              onChange={() => apply({ source: 'msw' })}
            />
            MSW in this tab
          </label>
          <input
            aria-label="Server URL"
            placeholder="http://127.0.0.1:8787"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            size={24}
          />
          <button type="submit">Use server</button>
        </fieldset>
      </form>
    </div>
  );
}
