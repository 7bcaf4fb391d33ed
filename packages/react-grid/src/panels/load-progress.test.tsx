import { describe, expect, it, vi } from 'vitest';
import { render } from 'vitest-browser-react';
import { LoadProgress, progressPercent } from './load-progress.js';

describe('LoadProgress', () => {
  it('exposes the percentage as progressbar values and shows rows and chunk', async () => {
    const screen = await render(<LoadProgress loaded={750} total={3_000} chunk={3} chunks={10} />);
    const bar = screen.getByRole('progressbar', { name: 'Loading promotions' });
    await expect.element(bar).toHaveAttribute('aria-valuenow', '25');
    await expect.element(bar).toHaveAttribute('aria-valuemin', '0');
    await expect.element(bar).toHaveAttribute('aria-valuemax', '100');
    await expect.element(bar).toHaveAttribute('aria-valuetext', '750 of 3,000 rows, chunk 3 of 10, 25.0%');
    await expect.element(screen.getByText('750 of 3,000 rows · chunk 3 of 10')).toBeVisible();
  });

  it('calls onCancel from its Cancel button, and has none without it', async () => {
    const onCancel = vi.fn();
    const screen = await render(<LoadProgress loaded={1} total={2} onCancel={onCancel} />);
    await screen.getByRole('button', { name: 'Cancel' }).click();
    expect(onCancel).toHaveBeenCalledTimes(1);
    const plain = await render(<LoadProgress loaded={1} total={2} />);
    expect(plain.container.querySelector('button')).toBeNull();
  });

  it('clamps or drops hostile numbers instead of showing NaN', async () => {
    expect(progressPercent(5_000, 100)).toBe(100);
    expect(progressPercent(-5, 100)).toBe(0);
    expect(progressPercent(Number.NaN, 100)).toBe(0);
    expect(progressPercent(5, Number.NaN)).toBeNull();
    expect(progressPercent(5, 0)).toBeNull();
    expect(progressPercent(5, Number.POSITIVE_INFINITY)).toBeNull();
    const screen = await render(
      <LoadProgress loaded={Number.NaN} total={-3} chunk={Number.NaN} chunks={4} />,
    );
    const bar = screen.getByRole('progressbar');
    await expect.element(bar).not.toHaveAttribute('aria-valuenow');
    await expect.element(screen.getByText('— of — rows')).toBeVisible();
    expect(screen.container.textContent).not.toContain('NaN');
  });

  it('shows 100% when all rows are loaded, even for a huge total', async () => {
    const screen = await render(<LoadProgress loaded={1.5e9} total={1.5e9} />);
    await expect.element(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect.element(screen.getByText('1,500,000,000 of 1,500,000,000 rows')).toBeVisible();
  });
});
