import { SCALING_APPROACHES } from '@promoscale/scaling';
import { describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';
import { PHASE_LABELS, PhaseBadge } from './phase-badge.js';

describe('PhaseBadge', () => {
  it.each(SCALING_APPROACHES)('names phase %s with its number', async (phase) => {
    const screen = await render(<PhaseBadge phase={phase} />);
    await expect.element(screen.getByText(PHASE_LABELS[phase])).toBeVisible();
    expect(PHASE_LABELS[phase]).toMatch(/^Phase [1-4] · /);
  });

  it('says when the phase was forced', async () => {
    const screen = await render(<PhaseBadge phase="CHUNKED_PROCESSING" forced />);
    await expect.element(screen.getByText('Phase 2 · Chunked (forced)')).toBeVisible();
  });
});
