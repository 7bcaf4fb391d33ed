import { parseArgs } from 'node:util';
import {
  DEFAULT_AS_OF,
  DEFAULT_SEED,
  isTemplateName,
  MAX_STORES,
  parseIsoDate,
  type TemplateName,
  validateSeed,
} from '@promoscale/generator';

/** A mistake on the command line: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The `util.parseArgs` option descriptors a command accepts. */
export type OptionSpecs = Record<
  string,
  { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: string | boolean }
>;

/** Parsed flag values: strings for `type: 'string'`, booleans for `type: 'boolean'`. */
export type OptionValues = Record<string, string | boolean | undefined>;

/**
 * Parses `args` strictly against `options` plus `--help`/`-h`: an unknown flag, a missing value or a stray
 * argument is a {@link UsageError} whose message ends with `(try promoscale <command> --help)`.
 */
export function parseCommandArgs(command: string, args: string[], options: OptionSpecs): OptionValues {
  const hint = `(try promoscale ${command} --help)`;
  try {
    const { values } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      allowNegative: true,
    });
    for (const [name, value] of Object.entries(values)) {
      // allowNegative accepts --no-x for every boolean; only a few flags are documented with a --no- form.
      if (value === false && options[name]?.type === 'boolean' && options[name]?.default === undefined) {
        throw new UsageError(`unknown option --no-${name} ${hint}`);
      }
    }
    return values as OptionValues;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${describeParseError(error)} ${hint}`);
  }
}

/**
 * A command's start: parses `args` as {@link parseCommandArgs} does and, for `--help`/`-h`, prints `usage` on
 * stdout and returns `undefined` (the command then exits with 0).
 */
export function parseCommandOptions(
  command: string,
  args: string[],
  options: OptionSpecs,
  usage: string,
): OptionValues | undefined {
  const values = parseCommandArgs(command, args, options);
  if (!values.help) return values;
  process.stdout.write(`${usage}\n`);
  return undefined;
}

/** Rewrites Node's multi-sentence parseArgs messages as one short clause. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  // "Option '-q, --quiet' does not take an argument": name the long form.
  const option = /'(?:-\w, )?(-{1,2}[^' ,]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument ${/'([^']*)'/.exec(message)?.[1] ?? message}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `option ${option} takes no value`;
    return `option ${option} needs a value`;
  }
  return message;
}

/** An integer flag in `min..max`. */
export function integerOption(flag: string, raw: string, min: number, max: number): number {
  const value = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(
      `--${flag} must be an integer from ${min} to ${max}; received ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

/** An integer flag in `min..max` read from `values`, or `fallback` when it is not given. */
export function integerValue(
  values: OptionValues,
  flag: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = stringValue(values, flag);
  return raw === undefined ? fallback : integerOption(flag, raw, min, max);
}

/** A store count, 1..100,000. */
export function storesOption(raw: string, flag = 'stores'): number {
  return integerOption(flag, raw, 1, MAX_STORES);
}

/** A comma list of store counts, each 1..100,000, e.g. `5,10,25`. */
export function storesListOption(raw: string, flag = 'stores'): number[] {
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) {
    throw new UsageError(
      `--${flag} must be a comma list of integers from 1 to ${MAX_STORES}; received ${JSON.stringify(raw)}`,
    );
  }
  return parts.map((part) => {
    try {
      return storesOption(part, flag);
    } catch {
      throw new UsageError(
        `--${flag} must be a comma list of integers from 1 to ${MAX_STORES}; received ${JSON.stringify(part)}`,
      );
    }
  });
}

/** The value `--template` accepts: a template name or MIXED, case-insensitive. */
export type TemplateOption = TemplateName | 'MIXED';

/** `--template`: one of the five names or MIXED (any case). */
export function templateOption(raw: string | undefined): TemplateOption {
  if (raw === undefined) return 'MIXED';
  const name = raw.trim().toUpperCase();
  if (name === 'MIXED' || isTemplateName(name)) return name as TemplateOption;
  throw new UsageError(
    `--template must be MIXED, SUBURBAN_FAMILY, URBAN_PREMIUM, RURAL_VALUE, CAMPUS_EXPRESS or COASTAL_SEASONAL; ` +
      `received ${JSON.stringify(raw)}`,
  );
}

/** `--seed`: an integer (as a number, so `--seed 42` is the default seed) or any other string of 1-256 characters. */
export function seedOption(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_SEED;
  const seed = /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
  try {
    return validateSeed(seed, '--seed');
  } catch {
    throw new UsageError(
      `--seed must be an integer or a string of 1 to 256 characters; received ${JSON.stringify(raw)}`,
    );
  }
}

/** `--as-of`: an ISO date `YYYY-MM-DD`. */
export function asOfOption(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_AS_OF;
  try {
    parseIsoDate(raw, '--as-of');
    return raw;
  } catch {
    throw new UsageError(
      `--as-of must be a date YYYY-MM-DD from 1900 to 2199; received ${JSON.stringify(raw)}`,
    );
  }
}

/** `--template`, `--seed` and `--as-of` read from `values`, as a dataset spec's fields (defaults when not given). */
export function datasetOptions(values: OptionValues): {
  templates: TemplateOption;
  seed: number | string;
  asOf: string;
} {
  return {
    templates: templateOption(stringValue(values, 'template')),
    seed: seedOption(stringValue(values, 'seed')),
    asOf: asOfOption(stringValue(values, 'as-of')),
  };
}

/** One of `choices`. */
export function choiceOption<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${flag} must be ${choices.join(', ')}; received ${JSON.stringify(raw)}`);
}

/** A string flag's value (parseArgs types are loose once the specs are dynamic). */
export function stringValue(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
