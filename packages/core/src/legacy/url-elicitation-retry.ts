import type { ElicitationCompletions } from '../client/elicitation-completions.js';
import type { UrlElicitationHandler } from '../client/url-elicitation.js';
import { UrlElicitationRequiredError } from '../errors/url-elicitation-required-error.js';

/** The most retries of one request after -32042, unless `maxInputRounds` says otherwise. */
export const DEFAULT_MAX_URL_ELICITATION_RETRIES = 10;

/** What retrying after -32042 needs. */
export interface UrlElicitationRetry {
  handler: UrlElicitationHandler | undefined;
  completions: ElicitationCompletions;
  method: string;
  server: string | undefined;
  signal: AbortSignal | undefined;
  /** Most retries of one request. */
  maxRetries: number;
}

/**
 * Sends a request, and while it fails with -32042 (URL elicitation required, 2025-11-25) hands the
 * elicitations to the URL handler and sends it again once the handler accepted every one. The
 * error reaches the caller when there is no handler, the user did not accept them all, or the
 * server still asks after `maxRetries` retries.
 */
export function withUrlElicitationRetry<T>(send: () => Promise<T>, retry: UrlElicitationRetry): Promise<T> {
  // Without a handler nothing is ever retried: the request's own promise, with no wrapper to settle per call.
  if (retry.handler === undefined) {
    try {
      return send();
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return retrying(send, retry);
}

async function retrying<T>(send: () => Promise<T>, retry: UrlElicitationRetry): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!UrlElicitationRequiredError.isInstance(error) || retry.handler === undefined || attempt >= retry.maxRetries) throw error;
      if (error.elicitations.length === 0 || !(await acceptedAll(error, retry.handler, retry))) throw error;
    }
  }
}

async function acceptedAll(
  error: UrlElicitationRequiredError,
  handler: UrlElicitationHandler,
  retry: UrlElicitationRetry,
): Promise<boolean> {
  for (const elicitation of error.elicitations) {
    retry.signal?.throwIfAborted();
    const wait = elicitation.elicitationId === undefined ? undefined : retry.completions.wait(elicitation.elicitationId);
    try {
      const context = {
        requestId: elicitation.elicitationId ?? '',
        method: retry.method,
        signal: retry.signal ?? new AbortController().signal,
        meta: undefined,
        server: retry.server,
        completion: wait?.completion,
        retry: true,
      };
      const { action } = await handler(elicitation, context);
      if (action !== 'accept') return false;
    } finally {
      wait?.release();
    }
  }
  return true;
}
