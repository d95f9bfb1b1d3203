import { BodyTooLargeError } from './body.js';
import { Utf8Chunks } from './decode-chunks.js';
import type { FetchedResponse } from './fetch.js';
import type { HttpBody, HttpResponse } from './http-response.js';

/** The `HttpResponse` of a response from a user-supplied `fetch`. */
export function fromFetchResponse(response: FetchedResponse): HttpResponse {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: headerRecord(response.headers),
    body: new WebBody(response.body),
  };
}

/** The headers as a record with lower-case names; without `forEach`, each name is looked up with `get` as it is read. */
function headerRecord(headers: FetchedResponse['headers']): Record<string, string> {
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  if (typeof headers.forEach === 'function') {
    headers.forEach((value, name) => {
      record[name.toLowerCase()] = value;
    });
    return record;
  }
  return new Proxy(record, { get: (_, name) => (typeof name === 'string' ? (headers.get(name) ?? undefined) : undefined) });
}

/** A web `ReadableStream` body, read through one reader. */
class WebBody implements HttpBody {
  readonly #stream: ReadableStream<Uint8Array> | null;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;

  constructor(stream: ReadableStream<Uint8Array> | null) {
    this.#stream = stream;
  }

  async text(maxBytes: number): Promise<string> {
    if (this.#stream === null) return '';
    const reader = (this.#reader ??= this.#stream.getReader());
    const decoder = new Utf8Chunks();
    let text = '';
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        this.cancel();
        throw new BodyTooLargeError(maxBytes);
      }
      text += decoder.write(value);
    }
    return text + decoder.end();
  }

  cancel(): void {
    const cancelled = this.#reader?.cancel() ?? this.#stream?.cancel();
    // A body that failed or was consumed has nothing left to free.
    cancelled?.catch(() => undefined);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void> {
    if (this.#stream === null) return;
    const reader = (this.#reader ??= this.#stream.getReader());
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      this.cancel();
    }
  }
}
