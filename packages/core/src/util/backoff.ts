import { checkOptions, type OptionKeys } from './check-options.js';

/** Decides how long to wait before retry `attempt` (0 for the first retry); `undefined` to give up. */
export type BackoffPolicy = (attempt: number) => number | undefined;

/** Options of `exponentialBackoff`. */
export interface ExponentialBackoffOptions {
  /** First delay in milliseconds. @default 1000 */
  initialMs?: number;
  /** Factor between delays. @default 2 */
  factor?: number;
  /** Largest delay in milliseconds. @default 30000 */
  maxMs?: number;
  /** Fraction of each delay that is random, 0 to 1. @default 0.5 */
  jitter?: number;
  /** Retries before giving up. @default Infinity */
  maxAttempts?: number;
  /** Source of randomness, for tests. @default Math.random */
  random?: () => number;
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s, 8 s... capped at 30 s, each minus up to 50 % at random. */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): BackoffPolicy {
  checkOptions(options, BACKOFF_OPTION_KEYS, { where: 'exponentialBackoff(options)' });
  const { initialMs = 1000, factor = 2, maxMs = 30_000, jitter = 0.5, maxAttempts = Infinity, random = Math.random } = options;
  return (attempt) => {
    if (attempt >= maxAttempts) return undefined;
    const base = Math.min(maxMs, initialMs * factor ** attempt);
    return Math.round(base * (1 - jitter * random()));
  };
}

const BACKOFF_OPTION_KEYS = {
  initialMs: true,
  factor: true,
  maxMs: true,
  jitter: true,
  maxAttempts: true,
  random: true,
} as const satisfies OptionKeys<ExponentialBackoffOptions>;
