import { describe, expect, it, vi } from 'vitest';
import { LineDecoder } from './line-decoder.js';

const big = { maxLineBytes: 64 * 1024 * 1024 };

function feed(decoder: LineDecoder, chunks: (string | Buffer)[]): string[] {
  return chunks.flatMap((chunk) => decoder.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
}

/** Cuts `bytes` in pieces of `size` bytes. */
function pieces(bytes: Buffer, size: number): Buffer[] {
  const result: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += size) result.push(bytes.subarray(offset, offset + size));
  return result;
}

describe('LineDecoder', () => {
  it('returns each complete line of a chunk, in order, without its newline', () => {
    expect(feed(new LineDecoder(big), ['one\ntwo\nthree\n'])).toEqual(['one', 'two', 'three']);
  });

  it('holds an unfinished line until its newline arrives', () => {
    const decoder = new LineDecoder(big);
    expect(feed(decoder, ['{"a":', '1}'])).toEqual([]);
    expect(decoder.pendingBytes).toBe(7);
    expect(feed(decoder, ['\n{"b"'])).toEqual(['{"a":1}']);
    expect(decoder.pendingBytes).toBe(4);
  });

  it('keeps a multi-byte character that is split across chunks, wherever the cut falls', () => {
    const text = 'é 世 🎉 ü𝄞';
    const bytes = Buffer.from(`${text}\n`);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const decoder = new LineDecoder(big);
      expect(feed(decoder, [bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual([text]);
    }
  });

  it('decodes a line fed one byte at a time', () => {
    const text = 'ünïcødé 世界 🧪'.repeat(200);
    expect(feed(new LineDecoder(big), pieces(Buffer.from(`${text}\n`), 1))).toEqual([text]);
  });

  it('drops the carriage return of CRLF line endings but keeps one inside a line', () => {
    expect(feed(new LineDecoder(big), ['a\r\nb\r', '\nc\rd\n'])).toEqual(['a', 'b', 'c\rd']);
  });

  it('skips empty lines, with or without a carriage return', () => {
    expect(feed(new LineDecoder(big), ['\n\n\r\nx\n\r\n', '\n'])).toEqual(['x']);
  });

  it('returns the unfinished line on flush, once', () => {
    const decoder = new LineDecoder(big);
    feed(decoder, ['done\nhalf']);
    expect(decoder.flush()).toBe('half');
    expect(decoder.flush()).toBeUndefined();
    expect(decoder.pendingBytes).toBe(0);
  });

  describe('with a line over maxLineBytes', () => {
    it('accepts a line of exactly maxLineBytes', () => {
      const decoder = new LineDecoder({ maxLineBytes: 8 });
      expect(feed(decoder, ['12345678\n'])).toEqual(['12345678']);
      expect(decoder.failed).toBe(false);
    });

    it('fails as soon as the unfinished line passes the limit, before any newline', () => {
      const decoder = new LineDecoder({ maxLineBytes: 8 });
      expect(feed(decoder, ['12345'])).toEqual([]);
      expect(decoder.failed).toBe(false);
      expect(feed(decoder, ['6789'])).toEqual([]);
      expect(decoder.failed).toBe(true);
    });

    it('returns the lines before the long one, then ignores all input', () => {
      const decoder = new LineDecoder({ maxLineBytes: 8 });
      expect(feed(decoder, ['ok\nwell\n123456789\nlater\n'])).toEqual(['ok', 'well']);
      expect(decoder.failed).toBe(true);
      expect(feed(decoder, ['more\n'])).toEqual([]);
      expect(decoder.flush()).toBeUndefined();
    });

    it('in truncate mode, keeps the first maxLineBytes bytes and skips the rest of the line', () => {
      const decoder = new LineDecoder({ maxLineBytes: 4, overflow: 'truncate' });
      expect(feed(decoder, ['ab', 'cdef', 'gh', 'ij\nnext\n', 'abcdefgh\nend\n'])).toEqual(['abcd', 'next', 'abcd', 'end']);
      expect(decoder.failed).toBe(false);
    });
  });

  describe('on large input', () => {
    it('decodes 20 MB of lines fed in small chunks', () => {
      const lines = Array.from({ length: 40_000 }, (_, index) => `${index}:${'abcdefghé'.repeat(index % 100)}`);
      const input = Buffer.from(`${lines.join('\n')}\n`);
      const total = 20 * 1024 * 1024;
      const repeat = Math.ceil(total / input.length);
      const decoder = new LineDecoder(big);
      let count = 0;
      let mismatches = 0;
      for (let round = 0; round < repeat; round += 1) {
        for (const chunk of pieces(input, 61)) {
          for (const line of decoder.push(chunk)) {
            if (line !== lines[count % lines.length]) mismatches += 1;
            count += 1;
          }
        }
      }
      expect(mismatches).toBe(0);
      expect(count).toBe(lines.length * repeat);
    });

    it('decodes one 20 MB line fed in pipe-sized chunks', () => {
      const size = 20 * 1024 * 1024;
      const decoder = new LineDecoder({ maxLineBytes: size });
      const chunk = Buffer.alloc(64 * 1024, '0123456789abcdef');
      let early = 0;
      for (let fed = 0; fed < size; fed += chunk.length) early += decoder.push(chunk).length;
      expect(early).toBe(0);
      expect(decoder.pendingBytes).toBe(size);
      const [line] = decoder.push(Buffer.from('\n'));
      expect(line?.length).toBe(size);
      expect(line?.startsWith('0123456789abcdef0123')).toBe(true);
      expect(line?.endsWith('abcdef')).toBe(true);
    });

    it('copies the bytes of a long line a bounded number of times, however small the chunks', () => {
      const concat = vi.spyOn(Buffer, 'concat');
      const copy = vi.spyOn(Buffer.prototype, 'copy');
      try {
        const size = 256 * 1024;
        const decoder = new LineDecoder(big);
        const lines: string[] = [];
        for (const chunk of pieces(Buffer.alloc(size, 'a'), 100)) lines.push(...decoder.push(chunk));
        lines.push(...decoder.push(Buffer.from('\n')));
        const concatenated = concat.mock.results.reduce((total, result) => total + (result.value as Buffer).length, 0);
        const copied = copy.mock.results.reduce((total, result) => total + (result.value as number), 0);
        expect(lines).toEqual(['a'.repeat(size)]);
        // A decoder joining its whole buffer on every chunk would copy about size * size / 200 bytes.
        expect(concatenated + copied).toBeLessThanOrEqual(3 * size);
      } finally {
        concat.mockRestore();
        copy.mockRestore();
      }
    });

    it('decodes a long line trickled one byte at a time', () => {
      const text = 'x'.repeat(300_000);
      const decoder = new LineDecoder(big);
      const bytes = Buffer.from(`${text}\n`);
      const lines: string[] = [];
      for (let index = 0; index < bytes.length; index += 1) lines.push(...decoder.push(bytes.subarray(index, index + 1)));
      expect(lines).toEqual([text]);
    });
  });
});
