import { EXIT } from '../exit-codes.js';

/** A failure the CLI reports as it is, with the exit code it maps to. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
    options: { cause?: unknown; hint?: string | undefined } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CliError';
    this.hint = options.hint;
  }

  /** A line of advice printed under the message. */
  readonly hint: string | undefined;
}

/** The command line is wrong: an unknown command or flag, a missing or malformed argument. Exit code 2. */
export class UsageError extends CliError {
  constructor(message: string, options: { hint?: string | undefined } = {}) {
    super(message, EXIT.usage, options);
    this.name = 'UsageError';
  }
}
