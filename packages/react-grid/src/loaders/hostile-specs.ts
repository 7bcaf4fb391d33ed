import type { DatasetSpec } from '@promoscale/generator';

/** Specs every loader must turn into an error state (a `PromoscaleError` message), never a throw. Test data. */
export const HOSTILE_SPECS: readonly [string, DatasetSpec][] = [
  ['stores 0', { stores: 0 }],
  ['stores -1', { stores: -1 }],
  ['stores NaN', { stores: Number.NaN }],
  ['stores 1e9', { stores: 1e9 }],
  ['stores 2.5', { stores: 2.5 }],
  ['an unknown template', { stores: 5, templates: 'NOT_A_TEMPLATE' as never }],
  ['a fractional seed', { stores: 5, seed: 1.5 }],
  ['an empty seed', { stores: 5, seed: '' }],
  ['a bad date', { stores: 5, asOf: '2026-13-45' }],
];
