/**
 * An HTTP answer as the transport reads it, whichever way it came: undici's dispatcher (the
 * default) or a user-supplied `fetch`.
 */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** Header names in lower case; a repeated header's values joined with ", ", as `Headers.get` does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: HttpBody;
}

/** The body of an `HttpResponse`: read once, as chunks or as text, or let go. */
export interface HttpBody extends AsyncIterable<Uint8Array> {
  /** The whole body as UTF-8 text; rejects with `BodyTooLargeError` as soon as it passes `maxBytes`. */
  text(maxBytes: number): Promise<string>;
  /**
   * The whole body as UTF-8 text when all of it has already arrived and it is no larger than
   * `maxBytes`, without waiting; otherwise `undefined`, the body left as it was for `text`.
   * Optional: a body that cannot tell (a `fetch` response's) does not have it.
   */
  textIfEnded?(maxBytes: number): string | undefined;
  /** Lets go of a body nobody will read (more of): its connection is reused once it has ended, closed otherwise. */
  cancel(): void;
}

/** Whether `status` is a success (2xx), like `Response.ok`. */
export function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}
