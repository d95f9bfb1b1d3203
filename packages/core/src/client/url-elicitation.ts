import type { InboundRequestContext } from '../jsonrpc/dispatch.js';

/** A URL the server asks the user to open, for an interaction that must not pass through the client (a third-party login, a payment). */
export interface UrlElicitation {
  /** Why the server asks; show it with the URL's host before the user consents. */
  message: string;
  /** The page to open. Not checked by the client: show its host and ask before opening it. */
  url: string;
  /** The server's id of this elicitation (2025-11-25); absent in 2026-07-28, which has no completion notification. */
  elicitationId?: string;
}

/** What the user did with a URL elicitation. */
export interface UrlElicitationResult {
  /** `accept`: the user consented and opened the URL; `decline`: refused; `cancel`: dismissed without choosing. */
  action: 'accept' | 'decline' | 'cancel';
}

/** What a URL elicitation handler is told besides the elicitation. */
export interface UrlElicitationContext extends InboundRequestContext {
  /**
   * Resolves when the server sends `notifications/elicitation/complete` for this elicitation
   * (2025-11-25; a server may never send it). Undefined when the elicitation has no id.
   */
  completion: Promise<void> | undefined;
  /**
   * True when a request failed with -32042 (URL elicitation required) and the client retries it as
   * soon as every handler returned `accept`: return only once the user finished in the browser
   * (await `completion`, or the user saying so). False when the server asked with
   * `elicitation/create` or an input request: return as soon as the user consented.
   */
  retry: boolean;
}

/** Asks the user to open a URL the server gave; declares `elicitation.url`. */
export type UrlElicitationHandler = (
  elicitation: UrlElicitation,
  context: UrlElicitationContext,
) => Promise<UrlElicitationResult> | UrlElicitationResult;
