import type { DatasetSpec } from '@promoscale/generator';
import { createHandlers } from '@promoscale/msw';
import { ScalingLab, ServerPromotionsGrid } from '@promoscale/react-grid';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { HttpHandler } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';

/** The phase view under the panels (the estimate table names the phase too). */
const phaseRegion = (canvas: { getByRole: (role: string, options: { name: string }) => HTMLElement }) =>
  within(canvas.getByRole('region', { name: 'Scaling phase' }));

const meta = {
  title: 'Scaling lab',
  component: ScalingLab,
  tags: ['autodocs'],
  args: { initialStores: 5, templates: 'MIXED', seed: 42 },
  argTypes: {
    initialStores: {
      control: { type: 'number', min: 5, max: 50_000 },
      description: 'Where the slider starts',
    },
    templates: { control: 'select', options: ['MIXED', 'SUBURBAN_FAMILY', 'URBAN_PREMIUM', 'RURAL_VALUE'] },
    seed: { control: 'number' },
    renderDatabaseBackend: { control: false },
    server: { control: false },
  },
  // Phase 4 reads the API: MSW serves the lab's spec (again whenever the slider picks another one).
  render: (args, context) => {
    const msw = (context as unknown as { msw?: { use: (...handlers: HttpHandler[]) => void } }).msw;
    let served = '';
    const renderDatabaseBackend = (spec: DatasetSpec) => {
      const key = JSON.stringify(spec);
      if (msw && key !== served) {
        served = key;
        msw.use(...createHandlers({ dataset: spec }));
      }
      return <ServerPromotionsGrid key={key} height={360} live={false} />;
    };
    return <ScalingLab {...args} renderDatabaseBackend={renderDatabaseBackend} />;
  },
} satisfies Meta<typeof ScalingLab>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Move the slider with the keyboard: the recommended phase, its loader and the estimates follow. */
export const ScalingLabSlider: Story = {
  name: 'Scaling lab · phase by store count',
  play: async ({ canvas, step }) => {
    const slider = canvas.getByRole('slider', { name: 'Store count' });
    const phase = () => within(canvas.getByRole('region', { name: 'Scaling phase' }));

    await step('5 stores: phase 1 loads 150 promotions', async () => {
      await expect(slider).toHaveAttribute('aria-valuetext', '5 stores');
      await expect(phase().getByText('Phase 1 · Single batch', { exact: true })).toBeVisible();
      await expect(await phase().findByText('150 promotions', { exact: true })).toBeVisible();
      await expect(canvas.getByRole('table', { name: /5 stores: estimated and measured/ })).toBeVisible();
    });
    await step('ArrowRight to 15 stores: phase 2, chunked', async () => {
      slider.focus();
      await userEvent.keyboard('{ArrowRight}{ArrowRight}');
      await expect(slider).toHaveAttribute('aria-valuetext', '15 stores');
      await expect(await phase().findByText('Phase 2 · Chunked', { exact: true })).toBeVisible();
      await expect(
        await phase().findByText('450 promotions', { exact: true }, { timeout: 10_000 }),
      ).toBeVisible();
      await expect(phase().getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    });
    await step('on to 30 stores: phase 3, streaming in a worker', async () => {
      await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
      await expect(slider).toHaveAttribute('aria-valuetext', '30 stores');
      await expect(await phase().findByText('Phase 3 · Streaming', { exact: true })).toBeVisible();
      await expect(
        await phase().findByText('900 promotions', { exact: true }, { timeout: 15_000 }),
      ).toBeVisible();
    });
    await step('30 stores are measured in this browser beside the estimate', async () => {
      const row = await canvas.findByRole('row', { name: /^30 900/ });
      // Cells after the row header: promotions, base, JSON est., JSON measured, memory est., heap measured,
      // load time est., load time measured, risk, phase.
      await waitFor(
        () => expect(within(row).getAllByRole('cell')[7]).toHaveTextContent(/^(< 0\.1|\d+\.\d|\d[\d,]*) ms$/),
        {
          timeout: 10_000,
        },
      );
      await expect(within(row).getAllByRole('cell')[3]).not.toHaveTextContent('—');
    });
    await step('End: 50,000 stores is phase 4, the database backend', async () => {
      slider.focus();
      await userEvent.keyboard('{End}');
      await expect(slider).toHaveAttribute('aria-valuetext', '50,000 stores');
      await expect(await phase().findByText('Phase 4 · Database backend', { exact: true })).toBeVisible();
    });
  },
};

/** The lab opened at 5 stores: phase 1, measured beside the estimate. */
export const ScalingLab5Stores: Story = {
  name: 'Scaling lab · 5 stores (single batch phase)',
  args: { initialStores: 5 },
  play: async ({ canvas }) => {
    await expect(phaseRegion(canvas).getByText('Phase 1 · Single batch', { exact: true })).toBeVisible();
    await expect(await phaseRegion(canvas).findByText('150 promotions', { exact: true })).toBeVisible();
  },
};

/** The lab opened at 50 stores: phase 3, streaming in a worker. */
export const ScalingLab50Stores: Story = {
  name: 'Scaling lab · 50 stores (streaming phase)',
  args: { initialStores: 50 },
  play: async ({ canvas }) => {
    await expect(phaseRegion(canvas).getByText('Phase 3 · Streaming', { exact: true })).toBeVisible();
    await expect(
      await phaseRegion(canvas).findByText('1,500 promotions', { exact: true }, { timeout: 15_000 }),
    ).toBeVisible();
  },
};

/** The lab opened at 50,000 stores: phase 4, the database backend. */
export const ScalingLab50000Stores: Story = {
  name: 'Scaling lab · 50,000 stores (database phase)',
  args: { initialStores: 50_000 },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('slider', { name: 'Store count' })).toHaveAttribute(
      'aria-valuetext',
      '50,000 stores',
    );
    await expect(phaseRegion(canvas).getByText('Phase 4 · Database backend', { exact: true })).toBeVisible();
    // The infinite grid pages 1,500,000 promotions from MSW: its first block is on screen.
    await expect(
      await phaseRegion(canvas).findByText('1,500,000 promotions', { exact: true }, { timeout: 30_000 }),
    ).toBeVisible();
    await waitFor(() => expect(canvasElement.querySelector('[role="row"][row-index="0"]')).not.toBeNull(), {
      timeout: 30_000,
    });
  },
};
