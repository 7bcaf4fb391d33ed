import { themeQuartz } from 'ag-grid-community';

/**
 * The promotions grid's default theme: AG Grid's Quartz through the theming API (no CSS import), with compact rows,
 * a system font and text colours that keep WCAG AA contrast. Override with `PromotionsGrid`'s `theme` prop, e.g.
 * `promotionsGridTheme.withParams({ accentColor: '#8a4b08' })`.
 */
export const promotionsGridTheme = themeQuartz.withParams({
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  rowHeight: 34,
  headerHeight: 38,
  spacing: 6,
  foregroundColor: '#1b1f24',
  headerTextColor: '#1b1f24',
  accentColor: '#1d4f91',
  borderRadius: 4,
  wrapperBorderRadius: 6,
});
