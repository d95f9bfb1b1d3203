import type { SseFetchResponse } from './fetch.js';

const EXCERPT_BYTES = 2048;
const EXCERPT_CHARS = 300;
/** How long reading an excerpt may wait for a slow body. */
const EXCERPT_WAIT_MS = 1000;

/**
 * Reads the start of a response body for an error message (at most 2 KiB, waiting at most a
 * second), then lets go of the body. Returns it on one line, cut at 300 characters.
 */
export async function bodyExcerpt(response: SseFetchResponse): Promise<string> {
  const text = await readStart(response, EXCERPT_BYTES, EXCERPT_WAIT_MS);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line;
}

/** Reads and drops a small body (an "Accepted"), so the connection can be reused; gives up on a large or slow one. */
export async function discardBody(response: SseFetchResponse): Promise<void> {
  await readStart(response, EXCERPT_BYTES, EXCERPT_WAIT_MS);
}

async function readStart(response: SseFetchResponse, maxBytes: number, waitMs: number): Promise<string> {
  const body = response.body;
  if (body === null) return '';
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  try {
    while (bytes < maxBytes) {
      const result = await Promise.race([reader.read(), timedOut]);
      if (result === 'timeout' || result.done) break;
      bytes += result.value.byteLength;
      text += decoder.decode(result.value, { stream: true });
    }
  } catch {
    // A body that fails while we read an excerpt of it: keep what arrived.
  } finally {
    clearTimeout(timer);
    // Only an excerpt was wanted: a body that fails to cancel goes with the response.
    reader.cancel().catch(() => undefined);
  }
  return text + decoder.decode();
}
