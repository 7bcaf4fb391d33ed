import { afterAll, describe, expect, it } from 'vitest';
import { defineContractTests } from '../src/contract/index.js';
import { createApiHandler, createGeneratedSource } from '../src/index.js';

const spec = { seed: 42, stores: 40, templates: 'MIXED' } as const;

// Once over row objects (the default at this size), once over compact columns (`compactAbove: 0`: columns built
// by generator passes, pages and exports generated again from their stores): the answers must be the same.
for (const compactAbove of [undefined, 0]) {
  const mode = compactAbove === 0 ? 'columns' : 'rows';
  describe(`generated source (${mode})`, () => {
    const unexpected: unknown[] = [];
    const source = createGeneratedSource(spec, compactAbove === undefined ? {} : { compactAbove });
    const handler = createApiHandler({ source, onError: (error) => unexpected.push(error) });

    defineContractTests({
      baseUrl: 'http://promoscale.test',
      fetch: (url, init) => handler.fetch(new Request(url, init)),
      spec,
      describe,
      it,
      expect,
    });

    afterAll(() => {
      // No request of the suite may reach the 500 path.
      expect(unexpected).toEqual([]);
      expect(source.storage().mode).toBe(mode);
    });
  });
}
