import { ProtocolError } from '@mcpx/core';

const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi;

/** `text` with each URL cut to its scheme, host and path: user info, query and fragment (where tokens and API keys go) are left out. */
export function redactUrls(text: string): string {
  return text.replace(URL_PATTERN, (match) => {
    try {
      const url = new URL(match);
      return `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?…'}`;
    } catch {
      return '[a URL]';
    }
  });
}

/**
 * What the model is told of a tool call that failed, by default. The model provider sees it, so
 * it holds no local detail that may carry a secret (URLs with their query, command lines, paths):
 * a server's own error (`ProtocolError`) keeps the server's message, URLs redacted; any other
 * error is told by its name and code, and whether trying again may help.
 */
export function describeToolFailure(error: Error): string {
  if (ProtocolError.isInstance(error)) return `the server answered error ${error.code}: ${redactUrls(error.rawMessage)}`;
  const code = (error as { code?: unknown }).code;
  const name = `${error.name}${typeof code === 'string' || typeof code === 'number' ? ` (${code})` : ''}`;
  const retryable = (error as { isRetryable?: unknown }).isRetryable === true;
  return `${name}${retryable ? '; it may succeed if tried again later' : ''}`;
}
