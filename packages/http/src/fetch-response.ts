import { BodyTooLargeError } from './body.js';
import type { HttpBody, HttpResponse } from './http-response.js';

/** The `HttpResponse` of a `Response` from a user-supplied `fetch`. */
export function fromFetchResponse(response: Response): HttpResponse {
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return { status: response.status, statusText: response.statusText, headers, body: new WebBody(response.body) };
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
    const decoder = new TextDecoder();
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
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
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
