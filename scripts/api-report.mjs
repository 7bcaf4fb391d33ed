#!/usr/bin/env node
// The API report of the package in the current directory: for each entry of its `exports` map (not
// `./package.json`), API Extractor reads the built `.d.ts` (run `pnpm build` first) and writes every exported name
// with its signature to `api-report/<entry>.api.md` (`.` is `index`). Those files are checked in, so a change of a
// package's public surface shows up in review.
//   node ../../scripts/api-report.mjs           rewrite the reports (`pnpm api:report` at the root, every package)
//   node ../../scripts/api-report.mjs --check   exit 1, with the difference, when the built surface differs from
//                                               the checked-in reports (part of each package's `test`)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { packageEntries } from './package-entries.mjs';

const check = process.argv.includes('--check');
const packageFolder = resolve('.');
const packageJsonFullPath = join(packageFolder, 'package.json');
const { name: packageName, entries } = packageEntries(packageFolder);
const reportFolder = join(packageFolder, 'api-report');
const tempFolder = join(tmpdir(), 'promoscale-api-report', packageName.replace(/[@/]/g, '_'));

const missing = entries.filter((e) => !existsSync(e.dts));
if (missing.length > 0) {
  console.error(
    `api-report: ${packageName} is not built (no ${missing.map((e) => e.dts).join(', ')}); run pnpm build`,
  );
  process.exit(1);
}

// The report lists the surface, not the state of the comments: TSDoc syntax notes and release tags (we use none)
// are left out; the other API Extractor notes (say, a type used by an export but not exported by this entry) go
// into the report beside the item they concern.
const messages = {
  compilerMessageReporting: { default: { logLevel: 'warning' } },
  extractorMessageReporting: {
    default: { logLevel: 'none', addToApiReportFile: true },
    'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
    // "(undocumented)" beside a member says it already; the note itself would cite dist/ line numbers and chunk
    // hashes, which change with any edit and would make the report churn.
    'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
  },
  tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
};

// A subpath entry (`./engine`, `./node`, …) may use the types of the package's other entries without exporting
// them again: a user imports them from the entry whose report lists them (the main entry, or a sibling subpath
// such as api's `./schemas`). For those entries API Extractor's `ae-forgotten-export` notes come to
// `messageCallback` instead of the report, which accepts a symbol that another entry exports and fails on any
// other (a type that no entry exports is still an error). The main entry exports every type it uses.
const subpathMessages = {
  ...messages,
  extractorMessageReporting: {
    ...messages.extractorMessageReporting,
    'ae-forgotten-export': { logLevel: 'warning', addToApiReportFile: false },
  },
};

function prepare(entry) {
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder: packageFolder,
      mainEntryPointFilePath: entry.dts,
      compiler: { tsconfigFilePath: join(packageFolder, 'tsconfig.json') },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder,
        reportTempFolder: tempFolder,
        includeForgottenExports: false,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: entry.key === '.' ? messages : subpathMessages,
    },
    configObjectFullPath: undefined,
    packageJsonFullPath,
  });
}

mkdirSync(tempFolder, { recursive: true });
if (!check) {
  // Reports of entries that no longer exist go away with them.
  mkdirSync(reportFolder, { recursive: true });
  const wanted = new Set(entries.map((e) => `${e.name}.api.md`));
  for (const file of readdirSync(reportFolder)) if (!wanted.has(file)) rmSync(join(reportFolder, file));
}
const configs = entries.map((entry) => ({ entry, config: prepare(entry) }));
// One TypeScript program for all the entries of the package (creating it is most of the time).
const compilerState = CompilerState.create(configs[0].config, {
  additionalEntryPoints: entries.map((e) => e.dts),
});

/** For each subpath: the names the package's other entries export. */
const otherNames = new Map(
  entries.map((entry) => [
    entry.key,
    new Set(entries.filter((other) => other !== entry).flatMap((other) => [...exportedNames(other)])),
  ]),
);
const forgotten = [];
const stale = [];
for (const { entry, config } of configs) {
  const reportPath = join(reportFolder, `${entry.name}.api.md`);
  // API Extractor always writes to the temp folder here (never a "local build" that copies the report over the
  // checked-in one): we normalize its text first, then compare or copy it ourselves.
  const result = Extractor.invoke(config, {
    localBuild: false,
    compilerState,
    showVerboseMessages: false,
    messageCallback: (message) => {
      // Its own words on the report ("you have changed the API signature", …): ours follow below.
      if (message.messageId.startsWith('console-')) message.handled = true;
      if (message.messageId === 'ae-forgotten-export') {
        // Counted as ours, not API Extractor's (its count of warnings would fail the run).
        message.logLevel = 'none';
        message.handled = true;
        const symbol = /The symbol "([^"]+)"/.exec(message.text)?.[1];
        if (symbol === undefined || !otherNames.get(entry.key)?.has(symbol))
          forgotten.push(`${entry.key}: ${message.text}`);
      }
    },
  });
  const written = join(tempFolder, `${entry.name}.api.md`);
  if (!existsSync(written) || (!result.succeeded && !result.apiReportChanged)) {
    console.error(`api-report: API Extractor failed on ${packageName} ${entry.key}`);
    process.exit(1);
  }
  const report = normalize(readFileSync(written, 'utf8'));
  const current = existsSync(reportPath) ? readFileSync(reportPath, 'utf8') : undefined;
  if (check && report !== current) {
    stale.push(entry);
    console.error(
      `\n${packageName} ${entry.key}: the built surface differs from api-report/${entry.name}.api.md`,
    );
    writeFileSync(written, report);
    console.error(diff(reportPath, written));
  } else if (!check) {
    if (report !== current) writeFileSync(reportPath, report);
    console.log(
      `${packageName} ${entry.key}: api-report/${entry.name}.api.md${report === current ? '' : ' (updated)'}`,
    );
  }
}
rmSync(tempFolder, { recursive: true, force: true });
if (forgotten.length > 0) {
  console.error(
    `\napi-report: ${packageName} uses types that no entry exports; export them (from the entry, or from the ` +
      `main entry if users need to name them):\n  ${forgotten.join('\n  ')}`,
  );
  process.exit(1);
}
if (stale.length > 0) {
  console.error(
    `\nThe public API of ${packageName} changed. If that is intended, run \`pnpm api:report\` at the root ` +
      `(or \`pnpm --filter ${packageName} api:report\`) after \`pnpm build\`, and commit the api-report/ files ` +
      `with a changeset that names each added, removed or changed export.`,
  );
  process.exit(1);
}
if (check) console.log(`${packageName}: the API reports match the built surface (${entries.length} entries)`);

/** The names the built `.d.ts` of `entry` exports (none without a main entry), read from the shared program. */
function exportedNames(entry) {
  if (entry === undefined) return new Set();
  const program = compilerState.program;
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(entry.dts));
  return new Set(module ? checker.getExportsOfModule(module).map((symbol) => symbol.name) : []);
}

/**
 * The report without what changes with unrelated edits: the `dist/<file>.d.ts:<line>:<column> - ` where a note
 * found its symbol (any comment moves it) and the content hashes of tsup's shared chunks.
 */
function normalize(text) {
  return text
    .replace(/^\/\/ dist\/[^\s:]+:\d+:\d+ - /gm, '// ')
    .replace(/-[A-Za-z0-9_]{8}(\.d\.c?ts)/g, '$1');
}

/** The difference between the checked-in report and the built one, as `git diff` prints it (no colours). */
function diff(before, after) {
  if (!existsSync(before)) return `  (no checked-in report at ${before})`;
  try {
    execFileSync('git', ['diff', '--no-index', '--no-color', '--', before, after], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String(error.stdout ?? '')
      .split('\n')
      .filter((line) => /^[-+][^-+]/.test(line))
      .join('\n');
  }
}
