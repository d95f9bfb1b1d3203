import { ConfigError } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';
import { formatProblem, type ConfigProblem } from '../config/problem.js';

const brand: unique symbol = Symbol.for('mcpx.error.ConfigValidationError');

/**
 * A config with one or more problems. The message lists every problem, each with its file,
 * server, field and fix; `problems` holds them as data.
 */
export class ConfigValidationError extends ConfigError {
  private readonly [brand] = true;
  /** Every problem found, in file order. */
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[], options: { cause?: unknown } = {}) {
    super(describe(problems), options);
    this.name = 'ConfigValidationError';
    this.problems = problems;
  }

  /** True when `error` is a `ConfigValidationError`. */
  static override isInstance(error: unknown): error is ConfigValidationError {
    return hasBrand(error, brand);
  }
}

function describe(problems: readonly ConfigProblem[]): string {
  const files = [...new Set(problems.map((problem) => problem.file ?? 'the config'))];
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((problem, index) => `  ${index + 1}. ${formatProblem(problem)}`);
  return [`${files.join(', ')} has ${count}:`, ...lines].join('\n');
}
