import { describe, expect, it } from 'vitest';
import { decodeChunks } from './decode-chunks.js';

const whole = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('decodeChunks', () => {
  // A byte order mark, characters of 2, 3 and 4 bytes, a byte that is never UTF-8, and a BOM later on (kept).
  const bytes = Buffer.concat([Buffer.from('\uFEFF["é€𝄞', 'utf8'), Buffer.from([0xff]), Buffer.from('\uFEFF"]', 'utf8')]);

  it('decodes chunks cut at every place as the whole is decoded', () => {
    for (let first = 0; first <= bytes.length; first++) {
      for (let second = first; second <= bytes.length; second++) {
        const chunks = [bytes.subarray(0, first), bytes.subarray(first, second), bytes.subarray(second)];
        expect(decodeChunks(chunks)).toBe(whole(bytes));
      }
    }
  });

  it('decodes one chunk, none, and empty chunks between others', () => {
    expect(decodeChunks([bytes])).toBe(whole(bytes));
    expect(decodeChunks([])).toBe('');
    expect(decodeChunks([new Uint8Array(0), bytes.subarray(0, 4), new Uint8Array(0), bytes.subarray(4)])).toBe(whole(bytes));
  });

  it('replaces a character cut off at the end, as the whole is decoded', () => {
    const cut = bytes.subarray(0, 9); // the BOM, '["', "é" and two of the three bytes of "€"
    expect(decodeChunks([cut.subarray(0, 8), cut.subarray(8)])).toBe(whole(cut));
    expect(whole(cut).endsWith('\uFFFD')).toBe(true);
  });
});
