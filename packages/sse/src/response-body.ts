import type { HttpResponse } from '@mcpx/http/request';

const EXCERPT_BYTES = 2048;
const EXCERPT_CHARS = 300;
/** How long reading an excerpt may wait for a slow body. */
const EXCERPT_WAIT_MS = 1000;

/**
 * Reads the start of a response body for an error message (at most 2 KiB, waiting at most a
 * second), then lets go of the body. Returns it on one line, cut at 300 characters.
 */
export async function bodyExcerpt(response: HttpResponse): Promise<string> {
  const text = await readStart(response, EXCERPT_BYTES, EXCERPT_WAIT_MS);
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_CHARS ? `${line.slice(0, EXCERPT_CHARS)}…` : line;
}

/** Reads and drops a small body (an "Accepted"), so the connection can be reused; gives up on a large or slow one. */
export async function discardBody(response: HttpResponse): Promise<void> {
  await readStart(response, EXCERPT_BYTES, EXCERPT_WAIT_MS);
}

async function readStart(response: HttpResponse, maxBytes: number, waitMs: number): Promise<string> {
  const chunks = response.body[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  try {
    while (bytes < maxBytes) {
      const result = await Promise.race([chunks.next(), timedOut]);
      if (result === 'timeout' || result.done === true) break;
      bytes += result.value.byteLength;
      text += decoder.decode(result.value, { stream: true });
    }
  } catch {
    // A body that fails while we read an excerpt of it: keep what arrived.
  } finally {
    clearTimeout(timer);
    // Lets go of the rest; a body read to its end has nothing left, and its connection is reused.
    response.body.cancel();
  }
  return text + decoder.decode();
}
