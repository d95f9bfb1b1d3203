import { describe, expect, it } from 'vitest';
import { EventSizeGuard } from './event-size-guard.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('EventSizeGuard', () => {
  it('accepts an event of exactly the limit and refuses one byte more', () => {
    // "data: xxxx" is 10 bytes; its line end counts once the line is complete.
    expect(new EventSizeGuard(10).push(bytes('data: xxxx'))).toBeUndefined();
    expect(new EventSizeGuard(10).push(bytes('data: xxxxx'))).toBe(0);
  });

  it('catches an oversized line while it is still arriving, across chunks', () => {
    const guard = new EventSizeGuard(100);
    expect(guard.push(bytes(`data: ${'x'.repeat(60)}`))).toBeUndefined();
    expect(guard.push(bytes('x'.repeat(60)))).toBe(0);
    expect(guard.size).toBe(126);
  });

  it('adds up the lines of one event', () => {
    const guard = new EventSizeGuard(30);
    expect(guard.push(bytes('data: 0123456789\n'))).toBeUndefined();
    expect(guard.push(bytes('data: 0123456789\n'))).toBe(0);
  });

  it.each([
    ['LF', '\n\n'],
    ['CRLF', '\r\n\r\n'],
    ['CR', '\r\r'],
  ])('starts counting again after a blank line (%s)', (_name, end) => {
    const guard = new EventSizeGuard(30);
    for (let i = 0; i < 10; i++) expect(guard.push(bytes(`data: 0123456789${end}`))).toBeUndefined();
    expect(guard.size).toBe(0);
  });

  it('does not take the LF of a CRLF split across chunks for a blank line', () => {
    const guard = new EventSizeGuard(30);
    expect(guard.push(bytes('data: 0123456789\r'))).toBeUndefined();
    expect(guard.push(bytes('\n'))).toBeUndefined();
    expect(guard.size).toBe(17);
    expect(guard.push(bytes('data: 0123456789\r\n'))).toBe(0);
  });

  it('does not count complete comment lines, which the parser drops', () => {
    const guard = new EventSizeGuard(30);
    for (let i = 0; i < 100; i++) expect(guard.push(bytes(': keep-alive, still here\n'))).toBeUndefined();
    expect(guard.size).toBe(0);
  });

  it('points at the start of the line that made the event too large', () => {
    const guard = new EventSizeGuard(20);
    expect(guard.push(bytes('data: a\n\nid: 1\ndata: 0123456789abcdef\n'))).toBe(15);
  });

  it('counts bytes, not characters', () => {
    // 10 characters, 30 bytes in UTF-8.
    expect(new EventSizeGuard(25).push(bytes(`data:${'€'.repeat(10)}`))).toBe(0);
  });
});
