import { parseArgs } from 'node:util';

/** A mistake on the command line: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Specs = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses a command's flags strictly: unknown flags, stray arguments and repeated single flags are usage errors. */
export function parseFlags(command: string, args: string[], options: Specs) {
  const hint = `(try promoscale-server ${command} --help)`;
  try {
    const parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      tokens: true,
    });
    const seen = new Set<string>();
    for (const token of parsed.tokens ?? []) {
      if (token.kind !== 'option' || options[token.name]?.multiple) continue;
      if (seen.has(token.name))
        throw new UsageError(`option --${token.name} is given more than once ${hint}`);
      seen.add(token.name);
    }
    return parsed.values as Record<string, string | boolean | string[] | undefined>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw new UsageError(`${message.slice(0, 200)} ${hint}`);
  }
}

/** An integer flag in `min..max`. */
export function integerFlag(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
  fallback: number,
) {
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${name} must be an integer from ${min} to ${max}; received ${JSON.stringify(raw.slice(0, 40))}`,
    );
  }
  return value;
}
