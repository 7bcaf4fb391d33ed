import { MAX_STORES, PROMOTIONS_PER_STORE, TEMPLATE_NAMES } from '@promoscale/generator';
import { type ChunkLoader, generateStoreRange } from '@promoscale/scaling';

/** Controls shared by the "Scaling phases" stories: store count, template and seed. Story support only. */
export const SPEC_ARG_TYPES = {
  stores: {
    control: { type: 'number', min: 1, max: MAX_STORES, step: 1 },
    description: `Store count (${PROMOTIONS_PER_STORE} promotions each)`,
  },
  templates: { control: 'select', options: ['MIXED', ...TEMPLATE_NAMES], description: 'Store template' },
  seed: { control: 'number', description: 'Seed: the same seed gives the same rows' },
  asOf: { control: 'text' },
  phase: { control: false },
  thresholds: { control: false },
} as const;

/** Distinct grid rows in the DOM (a pinned column renders each row twice). */
export function domRowCount(root: HTMLElement): number {
  return new Set(
    [...root.querySelectorAll('[role="row"][row-index]')].map((row) => row.getAttribute('row-index')),
  ).size;
}

/**
 * A chunk loader with an injected fault: the chunk that starts at `failingStore` fails its first `failures`
 * attempts ("network down"), then loads like the default. Each call of this factory has its own counters.
 */
export function flakyChunkLoader(failingStore: number, failures: number): ChunkLoader {
  let failed = 0;
  return (startStore, endStore, spec) => {
    if (startStore === failingStore && failed < failures) {
      failed++;
      throw new Error('network down (injected fault)');
    }
    return generateStoreRange(startStore, endStore, spec);
  };
}
