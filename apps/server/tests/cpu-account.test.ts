import { describe, expect, it } from 'vitest';
import { createCpuAccount, lowestSeconds, parseProcStat } from '../bench/cpu-account.mjs';

describe("the bench's CPU account", () => {
  it('reads /proc/<pid>/stat after the command name, even one holding spaces and parentheses', () => {
    const fields = ['S', '4242', ...Array.from({ length: 9 }, () => '0'), '130', '25', '7', '3', '20'];
    expect(parseProcStat(`777 (postgres: bench (copy) ) ${fields.join(' ')}`)).toEqual({
      ppid: 4242,
      utime: 130,
      stime: 25,
      cutime: 7,
      cstime: 3,
    });
  });

  it('spreads core-seconds over the cores, never under the busiest process, steps one after another', () => {
    const copy = { nodeSeconds: 1.5, pgSeconds: 1.5, busiestPgSeconds: 0.8 };
    const vacuum = { nodeSeconds: 0, pgSeconds: 0.8, busiestPgSeconds: 0.7 };
    expect(lowestSeconds([copy], 2)).toBeCloseTo(1.5);
    expect(lowestSeconds([vacuum], 2)).toBeCloseTo(0.7);
    expect(lowestSeconds([copy, vacuum], 2)).toBeCloseTo(2.2);
  });

  it("accounts this process's CPU between two marks, step by step", () => {
    const account = createCpuAccount(undefined);
    account.mark('busy');
    let spin = 0;
    for (let i = 0; i < 2e7; i++) spin += i % 3;
    account.mark('done');
    const [busy, ...rest] = account.account();
    expect(rest).toEqual([]);
    expect(busy?.step).toBe('busy');
    expect(busy?.nodeSeconds).toBeGreaterThan(0);
    expect(busy?.pgSeconds).toBe(0);
    expect(spin).toBeGreaterThan(0);
  });
});
