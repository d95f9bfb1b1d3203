/** The bounds and default of an integer option, for `integerOption`. */
export interface IntegerOptionSpec {
  /** The value when the option is not given. */
  readonly fallback: number;
  /** The smallest value accepted. */
  readonly min: number;
  /** The largest value accepted; any safe integer when not given. */
  readonly max?: number;
}

/**
 * Reads an integer option of a constructor's options: `spec.fallback` when `value` is
 * `undefined`, `value` when it is a safe integer from `spec.min` to `spec.max`, and otherwise calls
 * `fail` with a sentence naming the option, what it must be and what it got (`fail` throws,
 * usually a `ConfigError` naming the class and the server). For the options of transports.
 *
 * @example
 * const maxRedirects = integerOption('maxRedirects', options.maxRedirects, { fallback: 5, min: 0 }, fail);
 */
export function integerOption(key: string, value: number | undefined, spec: IntegerOptionSpec, fail: (message: string) => never): number {
  if (value === undefined) return spec.fallback;
  if (spec.max !== undefined && (!Number.isSafeInteger(value) || value < spec.min || value > spec.max)) {
    fail(`"${key}" must be an integer from ${spec.min} to ${spec.max}, got ${String(value)}`);
  }
  if (!Number.isSafeInteger(value) || value < spec.min) fail(`"${key}" must be an integer of at least ${spec.min}, got ${String(value)}`);
  return value;
}
