import { TransportError } from '@mcpx/core';
import type { HttpResponse } from '@mcpx/http/request';
import { bodyExcerpt } from './response-body.js';

/** Statuses worth another attempt: the server is overloaded, slow or failing, not refusing. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** A `TransportError` for an unexpected HTTP status, with the status, the URL and the start of the body. */
export async function httpStatusError(response: HttpResponse, what: string, url: URL, server: string | undefined): Promise<TransportError> {
  const excerpt = await bodyExcerpt(response);
  const status = response.status;
  const statusText = response.statusText ? ` ${response.statusText}` : '';
  const body = excerpt ? ` (body: ${excerpt})` : '';
  return new TransportError(`${what} ${url.href} answered ${status}${statusText}${body}; ${advice(status)}`, {
    status,
    target: url.href,
    isRetryable: isRetryableStatus(status),
    server,
  });
}

function advice(status: number): string {
  if (status === 404 || status === 405) {
    return 'check the URL: a 2024-11-05 server usually serves its event stream at /sse, and a server that only speaks Streamable HTTP needs @mcpx/http instead';
  }
  if (isRetryableStatus(status)) return 'the server is failing or overloaded; try again later';
  return "check the URL and the server's configuration";
}
