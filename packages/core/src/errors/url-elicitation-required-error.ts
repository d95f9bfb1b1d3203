import type { UrlElicitation } from '../client/url-elicitation.js';
import { hasBrand } from './mcpx-error.js';
import { ProtocolError } from './protocol-error.js';

const brand: unique symbol = Symbol.for('mcpx.error.UrlElicitationRequiredError');

/**
 * The server needs the user to complete URL elicitations before it can answer (-32042,
 * 2025-11-25). `elicitations` are the ones it named; with a `urlElicitation` handler the client
 * runs them and retries the request itself, so this error reaches a caller only when there is no
 * handler, the user did not accept, or the server kept asking.
 */
export class UrlElicitationRequiredError extends ProtocolError {
  private readonly [brand] = true;
  /** The URL elicitations the server requires, in its order; those it sent malformed are left out. */
  readonly elicitations: UrlElicitation[];

  constructor(init: ConstructorParameters<typeof ProtocolError>[0]) {
    super(init);
    this.name = 'UrlElicitationRequiredError';
    this.elicitations = elicitationsOf(init.data);
  }

  /** True when `error` is a `UrlElicitationRequiredError`. */
  static override isInstance(error: unknown): error is UrlElicitationRequiredError {
    return hasBrand(error, brand);
  }
}

/** The well-formed URL elicitations of the error's `data.elicitations`. */
function elicitationsOf(data: unknown): UrlElicitation[] {
  const list = typeof data === 'object' && data !== null ? (data as { elicitations?: unknown }).elicitations : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { url, message, elicitationId } = item as Record<string, unknown>;
    if (typeof url !== 'string' || typeof message !== 'string' || typeof elicitationId !== 'string') return [];
    return [{ url, message, elicitationId }];
  });
}
