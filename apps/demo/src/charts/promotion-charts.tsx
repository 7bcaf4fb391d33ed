import {
  type AgCartesianChartOptions,
  BarSeriesModule,
  CartesianChartModule,
  CategoryAxisModule,
  HistogramSeriesModule,
  LegendModule,
  ModuleRegistry,
  NumberAxisModule,
  ScatterSeriesModule,
} from 'ag-charts-community';
import { AgCharts } from 'ag-charts-react';
import { useMemo } from 'react';
import type { ChartData, GroupFigures } from './chart-data.js';

// Only the chart types drawn here: bars, a histogram and a scatter on category and number axes, with a legend.
ModuleRegistry.registerModules([
  CartesianChartModule,
  BarSeriesModule,
  HistogramSeriesModule,
  ScatterSeriesModule,
  CategoryAxisModule,
  NumberAxisModule,
  LegendModule,
]);

/** Props of {@link PromotionCharts}. */
export interface PromotionChartsProps {
  data: ChartData;
  /** What the figures cover, shown under the heading (e.g. "1,500 promotions shown in the grid"). */
  scope: string;
}

const money = (value: number) =>
  `$${Math.abs(value) >= 1e6 ? `${(value / 1e6).toFixed(1)}M` : `${Math.round(value / 1e3).toLocaleString('en-US')}k`}`;

function groupChart(title: string, groups: GroupFigures[]): AgCartesianChartOptions {
  return {
    title: { text: title },
    data: groups,
    animation: { enabled: false },
    series: [
      { type: 'bar', xKey: 'key', yKey: 'revenue', yName: 'Revenue' },
      { type: 'bar', xKey: 'key', yKey: 'incrementalRevenue', yName: 'Incremental revenue' },
      {
        type: 'scatter',
        xKey: 'key',
        yKey: 'avgLiftPct',
        yName: 'Average lift (%)',
        yKeyAxis: 'lift',
      },
    ],
    axes: {
      x: { type: 'category', position: 'bottom' },
      y: {
        type: 'number',
        position: 'left',
        label: { formatter: ({ value }: { value: number }) => money(value) },
      },
      lift: { type: 'number', position: 'right', title: { text: 'lift %' } },
    },
  };
}

/**
 * The dashboard's four charts over the rows the grid shows: revenue and lift by category and by template, the
 * ROI distribution, and lift against discount depth.
 */
export function PromotionCharts({ data, scope }: PromotionChartsProps) {
  const options = useMemo(() => {
    const roi: AgCartesianChartOptions = {
      title: { text: 'ROI distribution' },
      data: data.roiPct.map((roiPct) => ({ roiPct })),
      animation: { enabled: false },
      series: [{ type: 'histogram', xKey: 'roiPct', xName: 'ROI (%)', yName: 'Promotions', binCount: 30 }],
      axes: {
        x: { type: 'number', position: 'bottom', title: { text: 'ROI %' } },
        y: { type: 'number', position: 'left', title: { text: 'promotions' } },
      },
    };
    const lift: AgCartesianChartOptions = {
      title: { text: 'Lift against discount depth' },
      data: data.lift,
      animation: { enabled: false },
      series: [
        { type: 'scatter', xKey: 'discountPct', yKey: 'liftPct', xName: 'Discount %', yName: 'Lift %' },
      ],
      axes: {
        x: { type: 'number', position: 'bottom', title: { text: 'discount %' } },
        y: { type: 'number', position: 'left', title: { text: 'lift %' } },
      },
    };
    return [
      groupChart('Revenue and lift by category', data.byCategory),
      groupChart('Revenue and lift by template', data.byTemplate),
      roi,
      lift,
    ];
  }, [data]);

  return (
    <section aria-label="Charts" className="charts">
      <p className="muted">{scope}</p>
      <div className="chart-grid">
        {options.map((chart, index) => (
          <div key={index} className="chart" data-testid="chart">
            <AgCharts options={chart} style={{ height: '100%' }} />
          </div>
        ))}
      </div>
    </section>
  );
}

export default PromotionCharts;
