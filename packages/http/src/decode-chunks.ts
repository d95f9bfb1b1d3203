/** Decodes a whole text: a leading byte order mark dropped, invalid bytes replaced. */
const utf8 = new TextDecoder();
/** Decodes text after the first piece: a U+FEFF there is a character of the text, not a byte order mark. */
const utf8Within = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Decodes UTF-8 text that arrives in chunks, as `TextDecoder` decodes their concatenation (a
 * leading byte order mark dropped, invalid bytes replaced), each chunk with `TextDecoder`'s
 * one-shot decode. A streaming decode (`{ stream: true }`) would give the same text, but it
 * leaves Node's fast path for a conversion to UTF-16 and back: 5 to 8 times the CPU for text
 * of ASCII. A character cut between two chunks is decoded with the next one: a piece ends
 * before the first byte of a last character that lacks bytes, which is where the decoder of the
 * whole text is in its initial state too, so the pieces decode as the whole does, replacements
 * included.
 */
export class Utf8Chunks {
  /** The first bytes of a character cut off at the end of the last chunk. */
  #carried: Uint8Array | undefined;
  /** Whether text was decoded already: only the first piece may start with a byte order mark. */
  #started = false;

  /** The text of `chunk` (after what came before it), up to its last whole character. */
  write(chunk: Uint8Array): string {
    const bytes = this.#carried === undefined ? chunk : joined(this.#carried, chunk);
    const end = completeLength(bytes);
    this.#carried = end === bytes.length ? undefined : bytes.subarray(end);
    return end === 0 ? '' : this.#decode(end === bytes.length ? bytes : bytes.subarray(0, end));
  }

  /** The text of what is left: a character cut short at the end of the text, replaced. */
  end(): string {
    const left = this.#carried;
    this.#carried = undefined;
    return left === undefined ? '' : this.#decode(left);
  }

  #decode(bytes: Uint8Array): string {
    const text = (this.#started ? utf8Within : utf8).decode(bytes);
    this.#started = true;
    return text;
  }
}

/**
 * The text of a body received in `chunks`, decoded as `TextDecoder` decodes their concatenation
 * (see `Utf8Chunks`). Several chunks are decoded one by one rather than copied into one buffer
 * first: the text is a rope of the pieces, which `JSON.parse` flattens once.
 */
export function decodeChunks(chunks: readonly Uint8Array[]): string {
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const decoder = new Utf8Chunks();
  let text = '';
  for (const chunk of chunks) text += decoder.write(chunk);
  return text + decoder.end();
}

/**
 * How many of `bytes` end with a whole character: all of them, unless they end with the first
 * bytes of a character (a lead byte followed by fewer continuation bytes than it announces).
 * Bytes that can never start a character, and stray continuation bytes, count as whole: the
 * decoder replaces them where they are.
 */
export function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  // A character has at most 4 bytes: its lead byte is among the last 3 when it lacks some.
  for (let back = 1; back <= 3 && back <= length; back++) {
    const byte = bytes[length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    return sequenceLength(byte) > back ? length - back : length;
  }
  return length;
}

/** The length of the character a lead byte starts; 1 for ASCII and for bytes that start none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** `head` followed by `tail`, in a new array. */
function joined(head: Uint8Array, tail: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(head.length + tail.length);
  bytes.set(head);
  bytes.set(tail, head.length);
  return bytes;
}
