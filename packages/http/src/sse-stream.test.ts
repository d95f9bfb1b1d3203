import { describe, expect, it } from 'vitest';
import { EventTooLargeError, readEventStream, type SseItem } from './sse-stream.js';

function bodyOf(...chunks: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function read(body: ReadableStream<Uint8Array>, max = 1024): Promise<SseItem[]> {
  const items: SseItem[] = [];
  for await (const item of readEventStream(body, max)) items.push(item);
  return items;
}

describe('readEventStream', () => {
  it('reads events with ids and types, retry fields and comments, in order', async () => {
    const items = await read(bodyOf(': keep-alive\n\nid: 1\ndata: \n\nretry: 250\n\nevent: message\nid: 2\ndata: {"a":1}\n\n'));
    expect(items).toEqual([
      { kind: 'comment', text: 'keep-alive' },
      { kind: 'event', id: '1', event: undefined, data: '' },
      { kind: 'retry', ms: 250 },
      { kind: 'event', id: '2', event: 'message', data: '{"a":1}' },
    ]);
  });

  it('joins multi-line data, accepts CRLF, and reassembles events and characters split across chunks', async () => {
    const snowman = new TextEncoder().encode('☃');
    const items = await read(bodyOf('data: li', 'ne one\r\ndata: x', snowman.slice(0, 1), snowman.slice(1), '\r\n', '\r\n'));
    expect(items).toEqual([{ kind: 'event', id: undefined, event: undefined, data: 'line one\nx☃' }]);
  });

  it('drops a byte order mark cut across chunks at the start, and keeps U+FEFF later on', async () => {
    const bom = Uint8Array.of(0xef, 0xbb, 0xbf);
    const items = await read(bodyOf(bom.slice(0, 2), bom.slice(2), 'data: a', bom, '\n\n'));
    expect(items).toEqual([{ kind: 'event', id: undefined, event: undefined, data: 'a\uFEFF' }]);
  });

  it('drops an unfinished last event, as the SSE standard says', async () => {
    expect(await read(bodyOf('data: {"complete":true}\n\ndata: {"cut'))).toEqual([
      { kind: 'event', id: undefined, event: undefined, data: '{"complete":true}' },
    ]);
  });

  it('rejects an event larger than the limit that arrives in one chunk, after the events before it', async () => {
    const items: SseItem[] = [];
    const reading = (async () => {
      for await (const item of readEventStream(bodyOf(`data: small\n\ndata: ${'x'.repeat(2000)}\n\n`), 1024)) items.push(item);
    })();
    await expect(reading).rejects.toBeInstanceOf(EventTooLargeError);
    expect(items).toHaveLength(1);
  });

  it('rejects an event that grows past the limit while it streams, before it ends', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new TextEncoder().encode(pulls === 1 ? 'data: ' : 'y'.repeat(100)));
      },
    });
    await expect(read(endless, 1024)).rejects.toThrow('maxEventBytes (1024 bytes)');
    expect(pulls).toBeLessThan(20);
  });

  it('passes on what the body throws', async () => {
    const failing = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {}\n\n'));
        controller.error(new Error('socket reset'));
      },
    });
    await expect(read(failing)).rejects.toThrow('socket reset');
  });
});
