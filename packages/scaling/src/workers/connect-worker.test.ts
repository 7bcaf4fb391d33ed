import { describe, expect, it } from 'vitest';
import { workerExecArgv } from './connect-worker.js';

describe('workerExecArgv', () => {
  it('lets the worker inherit the flags unless --input-type is among them', () => {
    expect(workerExecArgv([])).toBeUndefined();
    expect(workerExecArgv(['--expose-gc', '--import', 'tsx'])).toBeUndefined();
  });

  it('drops --input-type in both spellings, keeping the other flags', () => {
    expect(workerExecArgv(['--input-type=module', '--no-warnings'])).toEqual(['--no-warnings']);
    expect(workerExecArgv(['--no-warnings', '--input-type', 'commonjs', '--import', 'tsx'])).toEqual([
      '--no-warnings',
      '--import',
      'tsx',
    ]);
  });
});
