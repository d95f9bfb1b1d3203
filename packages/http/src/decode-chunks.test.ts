import { describe, expect, it } from 'vitest';
import { Utf8Chunks, completeLength, decodeChunks } from './decode-chunks.js';

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

  it('decodes invalid sequences cut at every place as the whole is decoded', () => {
    // A lead byte whose next byte is out of its range (E0 80), a 4-byte character cut short
    // before ASCII (F0 90 80 41), stray continuation bytes, an overlong lead (C0), a byte past
    // U+10FFFF (F5), a 3-byte character cut short before another (E2 82 E2 82 AC).
    const invalid = Buffer.from([
      0x5b, 0xe0, 0x80, 0x41, 0xf0, 0x90, 0x80, 0x41, 0x80, 0x80, 0x80, 0x80, 0xc0, 0xaf, 0xf5, 0x42, 0xe2, 0x82, 0xe2, 0x82, 0xac, 0x5d,
    ]);
    for (let first = 0; first <= invalid.length; first++) {
      for (let second = first; second <= invalid.length; second++) {
        const chunks = [invalid.subarray(0, first), invalid.subarray(first, second), invalid.subarray(second)];
        expect(decodeChunks(chunks)).toBe(whole(invalid));
      }
    }
  });

  it('decodes a text cut into chunks of one byte as the whole is decoded', () => {
    const one = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(decodeChunks(one)).toBe(whole(bytes));
  });

  it('gives, chunk by chunk, the text of the whole, its last character cut short replaced at the end', () => {
    const decoder = new Utf8Chunks();
    const pieces = [decoder.write(bytes.subarray(0, 2)), decoder.write(bytes.subarray(2, 7)), decoder.write(bytes.subarray(7, 9))];
    // Nothing of the BOM until it is whole; "é" whole in the second chunk; "€" cut after its second byte.
    expect(pieces).toEqual(['', '["é', '']);
    expect(decoder.end()).toBe('\uFFFD');
    expect(pieces.join('') + '\uFFFD').toBe(whole(bytes.subarray(0, 9)));
  });

  it('decodes random bytes cut at random places as the whole is decoded', () => {
    // Seeded, so a failure repeats: bytes drawn from ASCII, lead and continuation bytes, BOMs
    // and bytes that start no character, cut into chunks of 0 to 9 bytes.
    let seed = 17;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = [
      0x41, 0x0a, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9d, 0x84, 0x9e, 0xed, 0xa0, 0x80, 0xbf, 0xef, 0xbb, 0xc0, 0xe0, 0xf4, 0x90, 0xf5,
      0xff,
    ];
    for (let run = 0; run < 3000; run++) {
      const input = Uint8Array.from({ length: next(24) }, () => alphabet[next(alphabet.length)] ?? 0);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < input.length;) {
        const size = next(10);
        chunks.push(input.slice(at, at + size));
        at += size;
      }
      expect(decodeChunks(chunks), `bytes ${Buffer.from(input).toString('hex')}`).toBe(whole(input));
    }
  });

  it('keeps the bytes it carries, not a view of a chunk that its source reuses', () => {
    const decoder = new Utf8Chunks();
    const reused = Uint8Array.of(0x41, 0xe2, 0x82); // "A" and the first two bytes of "€"
    const first = decoder.write(reused);
    reused.set([0xac, 0x42, 0x43]); // the last byte of "€", "B", "C"
    expect(first + decoder.write(reused) + decoder.end()).toBe('A€BC');
  });

  it('starts a new text after end(): its byte order mark dropped again', () => {
    const decoder = new Utf8Chunks();
    const text = Buffer.from('\uFEFFa', 'utf8');
    expect(decoder.write(text) + decoder.end()).toBe('a');
    expect(decoder.write(text) + decoder.end()).toBe('a');
  });

  it('measures the longest start of the bytes that does not end inside a character', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(completeLength(Uint8Array.of())).toBe(0);
    expect(completeLength(Uint8Array.of(0x41, ...euro))).toBe(4);
    expect(completeLength(Uint8Array.of(0x41, 0xe2, 0x82))).toBe(1);
    expect(completeLength(Uint8Array.of(0x41, 0xf0, 0x9d, 0x84))).toBe(1);
    expect(completeLength(Uint8Array.of(0x41, 0xc3))).toBe(1);
    // Not the start of a character: replaced where it is, nothing to wait for.
    expect(completeLength(Uint8Array.of(0x41, 0xff))).toBe(2);
    expect(completeLength(Uint8Array.of(0x80, 0x80, 0x80, 0x80))).toBe(4);
  });

  it('replaces a character cut off at the end, as the whole is decoded', () => {
    const cut = bytes.subarray(0, 9); // the BOM, '["', "é" and two of the three bytes of "€"
    expect(decodeChunks([cut.subarray(0, 8), cut.subarray(8)])).toBe(whole(cut));
    expect(whole(cut).endsWith('\uFFFD')).toBe(true);
  });
});
