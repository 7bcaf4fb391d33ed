import type { CustomFilterProps } from 'ag-grid-react';
import { useGridFilter } from 'ag-grid-react';
import { useCallback, useId } from 'react';

/** A value a {@link ValuesFilter} offers: an enumerated string or a boolean. */
export type FilterValue = string | boolean;

/**
 * The model of a values filter: the values a row may hold to pass (any-of). It maps one to one onto the contract's
 * `<field>=a,b` list filters (DOMAIN.md section 6); booleans onto `<field>=true|false`.
 */
export interface ValuesFilterModel {
  filterType: 'values';
  values: FilterValue[];
}

/** The `filterParams` of a {@link ValuesFilter} column. */
export interface ValuesFilterParams {
  /** Every value the field can hold, in the order to list them. */
  values: readonly FilterValue[];
  /** The text of a value. @default String(value) */
  formatValue?: (value: FilterValue) => string;
}

/**
 * A set-like column filter for enumerated and boolean fields, built on AG Grid Community's custom filter API (the
 * Set Filter is Enterprise-only): a checkbox per known value, all checked when the column is unfiltered.
 */
export function ValuesFilter({
  model,
  onModelChange,
  getValue,
  values,
  formatValue = String,
  colDef,
}: CustomFilterProps<unknown, unknown, ValuesFilterModel> & ValuesFilterParams) {
  const id = useId();
  const selected = model?.values ?? values;
  const doesFilterPass = useCallback<NonNullable<Parameters<typeof useGridFilter>[0]['doesFilterPass']>>(
    ({ node }) => {
      if (!model) return true;
      const value = getValue(node) as FilterValue | null | undefined;
      return value !== null && value !== undefined && model.values.includes(value);
    },
    [model, getValue],
  );
  // The read-only floating filter under the header shows the chosen values.
  const getModelAsString = useCallback(
    (current: ValuesFilterModel | null) => (current ? current.values.map(formatValue).join(', ') : ''),
    [formatValue],
  );
  useGridFilter({ doesFilterPass, getModelAsString });

  const toggle = (value: FilterValue, checked: boolean) => {
    const next = checked
      ? values.filter((v) => v === value || selected.includes(v))
      : selected.filter((v) => v !== value);
    onModelChange(next.length === values.length ? null : { filterType: 'values', values: next });
  };
  const all = selected.length === values.length;

  return (
    <fieldset style={{ border: 0, margin: 0, padding: '8px 12px', font: '13px system-ui, sans-serif' }}>
      <legend style={{ fontWeight: 600, padding: 0, marginBottom: 4 }}>Show {colDef.headerName ?? ''}</legend>
      <label style={{ display: 'block', padding: '2px 0' }}>
        <input
          type="checkbox"
          checked={all}
          onChange={(event) =>
            onModelChange(event.target.checked ? null : { filterType: 'values', values: [] })
          }
        />{' '}
        (Select all)
      </label>
      {values.map((value) => (
        <label
          key={String(value)}
          htmlFor={`${id}-${String(value)}`}
          style={{ display: 'block', padding: '2px 0' }}
        >
          <input
            id={`${id}-${String(value)}`}
            type="checkbox"
            checked={selected.includes(value)}
            onChange={(event) => toggle(value, event.target.checked)}
          />{' '}
          {formatValue(value)}
        </label>
      ))}
    </fieldset>
  );
}
