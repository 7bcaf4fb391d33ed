import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { absent, readmeExamples, runCommand, runJsExample } from '../../../test-support/readme-examples.js';

// The README's examples, as a user would run them, against the BUILT package (the test task depends on the build,
// turbo.json; when running vitest by hand, `pnpm --filter @promoscale/scaling build` first). Each block's info
// string says what it is and how it is checked:
// - ```js: a Node script, run with `node` against the built package (docs/readme-examples.md).
// - ```sh whose lines are all `promoscale …` commands: the CLI. Each line runs in bash (with pipefail, so
//   `… | head` still checks the CLI's exit code) inside .readme-examples/, with `promoscale` replaced by
//   `node <package>/dist/cli.js` (what the `promoscale` bin runs), and must exit with 0. Other ```sh blocks
//   (`npm install`) are not commands to test.
// - ```js browser: needs a bundler or a browser (Vite's `?worker` import), not run here: tests/browser/ runs it in
//   Chromium.
// - ```text: printed output (the benchmarks').
// Any other info string fails the test, so no block goes unchecked by accident.
const { root, dir, of, unknownInfo, prepare, remove } = readmeExamples(import.meta.url);
const cli = `${root}dist/cli.js`;

const KNOWN_INFO = ['js', 'js browser', 'sh', 'text'];

const jsBlocks = of('js');
const cliCommands = of('sh')
  .map((code) => code.split('\n').filter((line) => line.trim() !== ''))
  .filter((lines) => lines.every((line) => line.startsWith('promoscale ')))
  .flat();

describe('README examples', () => {
  afterAll(remove);

  it('marks every code block with a known info string', () => {
    expect(unknownInfo(KNOWN_INFO)).toEqual([]);
    const all = jsBlocks.join('\n');
    expect(
      absent(all, [
        'estimateDatasetSize(',
        'recommendApproach(',
        'calibrate(',
        'ScalingPOC.',
        'createScalingMonitor(',
        'loadChunked(',
        'streamPromotions(',
        'streamPromotionsInWorker(',
      ]),
    ).toEqual([]);
    expect(cliCommands.map((line) => line.split(/\s+/)[1])).toEqual([
      'estimate',
      'generate',
      'generate',
      'bench',
    ]);
  });

  it.each(jsBlocks.map((code, i) => [i + 1, code] as const))(
    'runs example %i and prints what its comments show',
    async (i, code) => {
      prepare(expect);
      await runJsExample(dir, i, code, expect, 20_000);
    },
    30_000,
  );

  it.each(cliCommands.map((line) => [line.replace(/\s+#.*$/, ''), line] as const))(
    'runs `%s`',
    async (_name, line) => {
      prepare(expect);
      expect(existsSync(cli), 'build the package first (pnpm build)').toBe(true);
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)} ${line.slice('promoscale '.length)}`;
      const { code, stdout, stderr } = await runCommand('bash', ['-o', 'pipefail', '-c', command], {
        cwd: dir,
        timeout: 20_000,
      });
      expect(code, stderr).toBe(0);
      expect(stdout + stderr).not.toBe('');
    },
    30_000,
  );
});
