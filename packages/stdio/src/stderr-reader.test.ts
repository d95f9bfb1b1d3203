import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LineTail, readStderr } from './stderr-reader.js';

describe('LineTail', () => {
  it('keeps the last lines, oldest first', () => {
    const tail = new LineTail(3);
    for (const line of ['a', 'b']) tail.push(line);
    expect(tail.lines()).toEqual(['a', 'b']);
    for (const line of ['c', 'd', 'e', 'f', 'g']) tail.push(line);
    expect(tail.lines()).toEqual(['e', 'f', 'g']);
  });

  it('keeps nothing with a limit of 0', () => {
    const tail = new LineTail(0);
    tail.push('a');
    expect(tail.lines()).toEqual([]);
  });
});

describe('readStderr', () => {
  it('hands over each line, keeps the tail, and ends with the unterminated last line', async () => {
    const stream = new PassThrough();
    const seen: string[] = [];
    const reader = readStderr(stream, 2, (line) => seen.push(line));
    stream.write('warming up\nread');
    stream.write('y\r\n');
    stream.end('fatal: out of memory');
    await reader.ended;
    expect(seen).toEqual(['warming up', 'ready', 'fatal: out of memory']);
    expect(reader.tail.lines()).toEqual(['ready', 'fatal: out of memory']);
  });

  it('cuts a huge line instead of buffering it whole', async () => {
    const stream = new PassThrough();
    const seen: string[] = [];
    const reader = readStderr(stream, 5, (line) => seen.push(line));
    stream.end(`${'x'.repeat(1024 * 1024)}\nafter\n`);
    await reader.ended;
    expect(seen.map((line) => line.length)).toEqual([64 * 1024, 5]);
  });

  it('ends when the stream is destroyed', async () => {
    const stream = new PassThrough();
    const reader = readStderr(stream, 5, () => undefined);
    stream.destroy(new Error('EIO'));
    await expect(reader.ended).resolves.toBeUndefined();
  });
});
