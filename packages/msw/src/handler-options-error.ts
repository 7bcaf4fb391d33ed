/** Stable codes of {@link HandlerOptionsError}. */
export type HandlerOptionsErrorCode = 'INVALID_NETWORK_OPTION' | 'INVALID_URL_OPTION' | 'INVALID_LIVE_OPTION';

/**
 * Thrown by `createHandlers`, `createNetwork` and the `./node` / `./browser` helpers when an option is out of
 * range. Nothing is clamped: the message names the option, what it accepts and what it received, e.g.
 * `network.errorRate must be a number from 0 to 1; received 1.5`.
 *
 * @example
 * try {
 *   createHandlers({ network: { errorRate: 2 } });
 * } catch (error) {
 *   if (error instanceof HandlerOptionsError) console.log(error.option); // 'network.errorRate'
 * }
 */
export class HandlerOptionsError extends Error {
  /** What kind of option was rejected. */
  readonly code: HandlerOptionsErrorCode;
  /** The option's path, e.g. `network.faults[0].status`. */
  readonly option: string;
  /** The value received. */
  readonly value: unknown;
  /** What the option accepts, in words, e.g. `a number from 0 to 1`. */
  readonly allowed: string;

  constructor(code: HandlerOptionsErrorCode, option: string, allowed: string, value: unknown) {
    super(`${option} must be ${allowed}; received ${describeValue(value)}`);
    this.name = 'HandlerOptionsError';
    this.code = code;
    this.option = option;
    this.allowed = allowed;
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  if (value instanceof RegExp) return String(value);
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
