// The public entries of a package, read from its package.json `exports` map. Shared by api-report.mjs and
// api-surface.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The package's name and its entries (every `exports` key but `./package.json`): the key, a file-name form of it
 * (`.` is `index`, `./node` is `node`) and the absolute path of its ESM `.d.ts`.
 */
export function packageEntries(packageFolder) {
  const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8'));
  const entries = Object.entries(manifest.exports ?? {})
    .filter(([key]) => key !== './package.json')
    .map(([key, target]) => ({
      key,
      name: key === '.' ? 'index' : key.slice(2).replaceAll('/', '-'),
      dts: join(packageFolder, typesOf(target) ?? ''),
    }));
  return { name: manifest.name, entries };
}

/** The ESM `.d.ts` of an `exports` target: the first `import` → `types` path in its condition tree. */
function typesOf(target) {
  if (typeof target !== 'object' || target === null) return undefined;
  if (typeof target.import === 'object' && typeof target.import?.types === 'string')
    return target.import.types;
  for (const value of Object.values(target)) {
    const found = typesOf(value);
    if (found) return found;
  }
  return undefined;
}
