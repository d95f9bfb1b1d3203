import type { HttpResponse } from './http-response.js';

/** Lets go of a response body nobody will read, so its connection can be reused or closed. */
export function discard(response: HttpResponse): void {
  response.body.cancel();
}

/** Thrown by `readLimited` when a body is larger than allowed. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`the body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Reads a body as UTF-8 text, rejecting with `BodyTooLargeError` as soon as it passes
 * `maxBytes` (a `Content-Length` above it fails before reading anything).
 */
export function readLimited(response: HttpResponse, maxBytes: number): Promise<string> {
  const declared = response.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    discard(response);
    return Promise.reject(new BodyTooLargeError(maxBytes));
  }
  return response.body.text(maxBytes);
}

/** The first `chars` characters of a body, whitespace collapsed, for error messages; never throws. */
export async function excerpt(response: HttpResponse, chars = 200): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  try {
    for await (const chunk of response.body) {
      text += decoder.decode(chunk, { stream: true });
      if (text.length > chars * 4) break;
    }
  } catch {
    // A body that fails half-way still gives what arrived.
  } finally {
    discard(response);
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars)}…` : flat;
}
