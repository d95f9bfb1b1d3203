import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';

const brand: unique symbol = Symbol.for('mcpx.error.OAuthError');

/** The step of a login or token request that failed. */
export type OAuthStep =
  | 'resource discovery'
  | 'authorization server discovery'
  | 'client registration'
  | 'authorization'
  | 'token request'
  | 'refresh'
  | 'revocation'
  | 'token storage';

/** Options of an `OAuthError`. */
export interface OAuthErrorOptions extends LocalErrorOptions {
  /** The OAuth `error` code the server answered, such as `invalid_grant`. */
  oauthError?: string | undefined;
  /** The server's `error_description`, if any. */
  description?: string | undefined;
  /** What the user can do about it; ends the message. */
  hint?: string | undefined;
}

/**
 * A step of OAuth failed: discovery, registration, the authorization itself, or a token
 * request. The message names the step, the URL involved and what to do; an error answer
 * from the authorization server keeps its `error` code and description.
 */
export class OAuthError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'OAUTH_FAILED';
  /** The step that failed. */
  readonly step: OAuthStep;
  /** The OAuth `error` code the server answered, if it answered one. */
  readonly oauthError: string | undefined;
  /** The server's `error_description`, if any. */
  readonly description: string | undefined;

  constructor(step: OAuthStep, message: string, options: OAuthErrorOptions = {}) {
    const answered =
      options.oauthError === undefined
        ? ''
        : `: the server answered ${options.oauthError}${options.description ? ` (${options.description})` : ''}`;
    super(`OAuth ${step} failed: ${message}${answered}${options.hint ? `; ${options.hint}` : ''}`, options);
    this.name = 'OAuthError';
    this.step = step;
    this.oauthError = options.oauthError;
    this.description = options.description;
  }

  /** True when `error` is an `OAuthError`. */
  static override isInstance(error: unknown): error is OAuthError {
    return hasBrand(error, brand);
  }
}
