import { parseArgs } from 'node:util';
import {
  DEFAULT_SEED,
  isTemplateName,
  MAX_STORES,
  type NormalizedDatasetSpec,
  normalizeSpec,
  PromoscaleError,
  type TemplateName,
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
  let parsed: { values: OptionValues; tokens: { kind: string; name?: string }[] };
  try {
    parsed = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
      allowNegative: true,
      tokens: true,
    }) as typeof parsed;
  } catch (error) {
    throw new UsageError(`${describeParseError(error)} ${hint}`);
  }
  // parseArgs keeps the last of a repeated flag; `--stores 2 --stores 3` is more likely a mistake than a choice.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === undefined || token.name === 'help') continue;
    if (seen.has(token.name)) throw new UsageError(`option --${token.name} is given more than once ${hint}`);
    seen.add(token.name);
  }
  for (const [name, value] of Object.entries(parsed.values)) {
    // allowNegative accepts --no-x for every boolean; only a few flags are documented with a --no- form.
    if (value === false && options[name]?.type === 'boolean' && options[name]?.default === undefined) {
      throw new UsageError(`unknown option --no-${name} ${hint}`);
    }
    // Node decodes argv as UTF-8 and turns bytes that are not into U+FFFD: the value is not what was typed.
    if (typeof value === 'string' && value.includes('\uFFFD')) {
      throw new UsageError(`--${name} must be valid UTF-8 text; received ${quoteValue(value)}`);
    }
  }
  return parsed.values;
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
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // "Unknown option '--x'" (the name may itself hold quotes).
    const name = /^Unknown option '(.*?)'(?:$|\. )/s.exec(message)?.[1];
    return name === undefined ? 'unknown option' : `unknown option ${quoteFlag(name)}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /^Unexpected argument '(.*)'\. /s.exec(message)?.[1];
    return argument === undefined ? 'unexpected argument' : `unexpected argument ${quoteFlag(argument)}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-q, --quiet' does not take an argument": name the long form (our options all have one).
    const option = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? 'option';
    if (/does not take an argument/.test(message)) return `option ${option} takes no value`;
    return `option ${option} needs a value`;
  }
  // Node's other parse errors are several sentences; keep the first line.
  return message.split('\n')[0] ?? message;
}

const MAX_ECHO = 40;

/** A value as a message shows it: JSON-quoted (control characters escaped) and cut after 40 characters. */
export function quoteValue(raw: string): string {
  return JSON.stringify(raw.length > MAX_ECHO ? `${raw.slice(0, MAX_ECHO)}…` : raw);
}

/** A flag or command name as typed, quoted only when it holds more than letters, digits and dashes. */
export function quoteFlag(raw: string): string {
  return /^-{0,2}[\w-]{1,40}$/.test(raw) ? raw : quoteValue(raw);
}

/** An integer flag in `min..max`. */
export function integerOption(flag: string, raw: string, min: number, max: number): number {
  const value = /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}; received ${quoteValue(raw)}`);
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

/** The most store counts `--stores LIST` takes. */
export const MAX_STORES_LIST = 100;

/** A comma list of 1 to 100 store counts, each 1..100,000, e.g. `5,10,25`. */
export function storesListOption(raw: string, flag = 'stores'): number[] {
  const allowed = `a comma list of 1 to ${MAX_STORES_LIST} integers from 1 to ${MAX_STORES}`;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length > MAX_STORES_LIST || parts.some((part) => part === '')) {
    throw new UsageError(`--${flag} must be ${allowed}; received ${quoteValue(raw)}`);
  }
  return parts.map((part) => {
    try {
      return storesOption(part, flag);
    } catch {
      throw new UsageError(`--${flag} must be ${allowed}; received ${quoteValue(part)}`);
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
      `received ${quoteValue(raw)}`,
  );
}

/** `--seed`: an integer (as a number, so `--seed 42` is the default seed) or else the string itself. */
export function seedOption(raw: string | undefined): number | string {
  if (raw === undefined) return DEFAULT_SEED;
  return /^-?\d+$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : raw;
}

/** The flag of each DatasetSpec field, to name it in a usage error. */
const SPEC_FLAGS: Record<string, string> = {
  'spec.stores': 'stores',
  'spec.templates': 'template',
  'spec.seed': 'seed',
  'spec.asOf': 'as-of',
};

/**
 * The dataset spec of `stores` and the `--template`, `--seed` and `--as-of` flags (defaults when not given),
 * checked by the generator's own `normalizeSpec`, so a spec the CLI accepts is one the generator accepts. A
 * rejected field is a {@link UsageError} naming its flag, the allowed range and the value typed.
 */
export function datasetSpecOption(values: OptionValues, stores: number): NormalizedDatasetSpec {
  const asOf = stringValue(values, 'as-of');
  const spec = {
    stores,
    templates: templateOption(stringValue(values, 'template')),
    seed: seedOption(stringValue(values, 'seed')),
    ...(asOf === undefined ? {} : { asOf }),
  };
  try {
    return normalizeSpec(spec);
  } catch (error) {
    const flag = error instanceof PromoscaleError ? SPEC_FLAGS[error.field] : undefined;
    if (error instanceof PromoscaleError && flag !== undefined) {
      const raw = flag === 'stores' ? String(stores) : (stringValue(values, flag) ?? String(error.value));
      throw new UsageError(`--${flag} must be ${error.allowed}; received ${quoteValue(raw)}`);
    }
    throw error;
  }
}

/** One of `choices`. */
export function choiceOption<T extends string>(flag: string, raw: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(`--${flag} must be ${choices.join(', ')}; received ${quoteValue(raw)}`);
}

/** A string flag's value (parseArgs types are loose once the specs are dynamic). */
export function stringValue(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}
