const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/**
 * Measures the event being received, in bytes, as the bytes arrive, so an oversized event is
 * caught before it is buffered whole. Lines end with CR, LF or CRLF (also split across
 * chunks); a blank line ends an event. Complete comment lines (`: keep-alive`) are not
 * counted, since the parser does not keep them. UTF-8 never uses these byte values inside a
 * character, so the raw bytes can be scanned.
 */
export class EventSizeGuard {
  readonly #maxBytes: number;
  /** Bytes of the complete lines of the current event. */
  #eventBytes = 0;
  /** Bytes of the line being received. */
  #lineBytes = 0;
  #lineIsComment = false;
  /** The last chunk ended with CR, so an LF at the start of the next one belongs to it. */
  #afterCr = false;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Bytes of the event received so far, its unfinished line included. */
  get size(): number {
    return this.#eventBytes + this.#lineBytes;
  }

  /**
   * Counts `chunk`. Returns `undefined` while the current event fits; once it is larger than
   * the limit, the offset in `chunk` where the line that made it too large starts (0 when that
   * line began in an earlier chunk), so the events before it can still be parsed.
   */
  push(chunk: Uint8Array): number | undefined {
    let start = this.#afterCr && chunk[0] === LF ? 1 : 0;
    if (chunk.length > 0) this.#afterCr = false;
    let nextCr = chunk.indexOf(CR, start);
    let nextLf = chunk.indexOf(LF, start);
    while (start < chunk.length) {
      if (nextCr !== -1 && nextCr < start) nextCr = chunk.indexOf(CR, start);
      if (nextLf !== -1 && nextLf < start) nextLf = chunk.indexOf(LF, start);
      const end = nextCr === -1 ? nextLf : nextLf === -1 ? nextCr : Math.min(nextCr, nextLf);
      const lineStart = this.#lineBytes === 0 ? start : 0;
      this.#addToLine(chunk, start, end === -1 ? chunk.length : end);
      if (this.size > this.#maxBytes) return lineStart;
      if (end === -1) break;
      this.#endLine();
      start = end + 1;
      if (chunk[end] === CR) {
        if (start === chunk.length) this.#afterCr = true;
        else if (chunk[start] === LF) start += 1;
      }
    }
    return undefined;
  }

  #addToLine(chunk: Uint8Array, start: number, end: number): void {
    if (end <= start) return;
    if (this.#lineBytes === 0) this.#lineIsComment = chunk[start] === COLON;
    this.#lineBytes += end - start;
  }

  #endLine(): void {
    if (this.#lineBytes === 0) this.#eventBytes = 0;
    else if (!this.#lineIsComment) this.#eventBytes += this.#lineBytes + 1;
    this.#lineBytes = 0;
  }
}
