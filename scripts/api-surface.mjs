#!/usr/bin/env node
// Counts what each public entry of each package exports, read from the built `.d.ts` of every `exports` path with
// the TypeScript compiler API: all names, the values among them (functions, constants, classes, enums, namespaces)
// and the type-only names. `node scripts/api-surface.mjs` prints a table; `--json` prints the same as JSON;
// `--names` also lists the names. Run after `pnpm build`.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { packageEntries } from './package-entries.mjs';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));

const packages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map(packageEntries);
const files = packages.flatMap((p) => p.entries.map((e) => e.dts));
const missing = files.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`api-surface: build first (pnpm build); missing ${missing.join(', ')}`);
  process.exit(1);
}
const program = ts.createProgram(files, {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  noEmit: true,
});
const checker = program.getTypeChecker();

/** Every exported name of a `.d.ts` file, split into values and type-only names. */
function surface(file) {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { values: [], types: [] };
  const values = [];
  const types = [];
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    (target.flags & ts.SymbolFlags.Value ? values : types).push(symbol.name);
  }
  return { values: values.sort(), types: types.sort() };
}

const rows = packages.flatMap((p) =>
  p.entries.map(({ key, dts }) => {
    const { values, types } = surface(dts);
    return { package: p.name, entry: key, names: values.length + types.length, values, types };
  }),
);

if (args.has('--json')) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  console.log('| package | entry | names | values | types |');
  console.log('|---|---|---:|---:|---:|');
  for (const row of rows) {
    console.log(
      `| ${row.package} | ${row.entry} | ${row.names} | ${row.values.length} | ${row.types.length} |`,
    );
    if (args.has('--names')) {
      console.log(`|  | values | ${row.values.join(', ')} | | |`);
      console.log(`|  | types | ${row.types.join(', ')} | | |`);
    }
  }
}
