/** Bodies from this many UTF-16 code units on are encoded here (each is at least as many bytes). */
const LARGE_FROM = 64 * 1024;

/** The largest body kept past its request: larger ones are outside glibc's heap anyway (its mmap threshold ends at 32 MiB). */
const KEEP_UP_TO = 8 * 1024 * 1024;

/**
 * Holds the last large body this process sent until the next one. A class, not a variable:
 * nothing reads the body outside tests, and the bundler drops writes to a variable (or a
 * plain object's property) that nothing reads.
 */
class LastLargeBody {
  #body: Buffer | undefined;

  hold(body: Buffer): void {
    this.#body = body;
  }

  get body(): Buffer | undefined {
    return this.#body;
  }
}

const kept = new LastLargeBody();

/**
 * The body to give undici for a request's `body` text: the text itself when short (undici
 * encodes it), and for 64 KiB or more its UTF-8 bytes, encoded here so that the process can
 * keep the last one (of at most 8 MiB) until the next large body replaces it. Never reused:
 * the buffer is only kept alive, so its bytes are whatever the request sent.
 *
 * Why: sending a large body allocates it with the C library's `malloc` and frees it once
 * collected. With glibc, a body freed at the top of the heap can make it return the top to
 * the kernel after each round trip and fault it back in at the next one: in the bench's 1
 * MiB echo over HTTP, some processes made twice the `brk` calls and spent 20 to 50% more
 * CPU a round trip, depending on the heap's layout at start. Keeping the last large body
 * alive until the next one is allocated keeps the top in use, so the heap stays the size a
 * round trip needs. The cost is one body of memory held after the last large request.
 */
export function requestBody(text: string | undefined): string | Buffer | null {
  if (text === undefined || text.length < LARGE_FROM) return text ?? null;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= KEEP_UP_TO) kept.hold(bytes);
  return bytes;
}

/** The body `requestBody` keeps, for tests. */
export function keptRequestBody(): Buffer | undefined {
  return kept.body;
}
