const utf8 = new TextDecoder();

/** Tells a `TextDecoder` that more bytes follow. */
const STREAM = { stream: true } as const;

/**
 * The text of a body received in `chunks`, decoded as `TextDecoder` decodes their concatenation
 * (a leading byte order mark dropped, invalid bytes replaced). Several chunks are decoded one by
 * one rather than first copied into one buffer: the text is a rope of the pieces, which
 * `JSON.parse` flattens once.
 */
export function decodeChunks(chunks: readonly Uint8Array[]): string {
  if (chunks.length === 0) return '';
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, STREAM);
  return text + decoder.decode();
}
