import { hasBrand } from './mcpx-error.js';
import { LocalError, type LocalErrorOptions } from './local-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.AuthError');

/** The server refused the credentials (HTTP 401 or 403) and the auth provider could not fix it. */
export class AuthError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'AUTH_FAILED';
  /** 401 or 403. */
  readonly status: number;
  /** The URL that refused. */
  readonly url: string;
  /** The `WWW-Authenticate` header, if the server sent one. */
  readonly wwwAuthenticate: string | undefined;

  constructor(status: number, url: string, wwwAuthenticate: string | undefined, options: LocalErrorOptions = {}) {
    const what = status === 401 ? 'not authenticated' : 'not allowed';
    super(
      `${url} answered ${status} (${what}); check the token or API key, or give the transport an auth provider that can obtain one`,
      options,
    );
    this.name = 'AuthError';
    this.status = status;
    this.url = url;
    this.wwwAuthenticate = wwwAuthenticate;
  }

  /** True when `error` is an `AuthError`. */
  static override isInstance(error: unknown): error is AuthError {
    return hasBrand(error, brand);
  }
}
