import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.LoginRequiredError');

/** Options of a `LoginRequiredError`. */
export interface LoginRequiredErrorOptions extends LocalErrorOptions {
  /** What the user should run or do to log in, such as `mcpx login github`. */
  hint?: string | undefined;
}

/**
 * The server needs a user to log in (OAuth) and this process cannot ask one: it is not
 * interactive, or the stored login expired and could not be refreshed. Retrying with
 * backoff will not help; logging in will. The registry shows such a server as
 * `needs-login` rather than as crashed.
 */
export class LoginRequiredError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'LOGIN_REQUIRED';
  /** The URL of the MCP server that needs the login. */
  readonly url: string;
  /** Why: for example no stored login, or a refresh the authorization server refused. */
  readonly reason: string;

  constructor(url: string, reason: string, options: LoginRequiredErrorOptions = {}) {
    super(
      `${url} needs you to log in (${reason}); ${options.hint ?? 'log in interactively first, for example with `mcpx login <server>`'}`,
      options,
    );
    this.name = 'LoginRequiredError';
    this.url = url;
    this.reason = reason;
  }

  /** True when `error` is a `LoginRequiredError`. */
  static override isInstance(error: unknown): error is LoginRequiredError {
    return hasBrand(error, brand);
  }
}
