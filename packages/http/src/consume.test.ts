import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { consumeEvents, type StreamCursor } from './consume.js';

const scope = { target: 'http://127.0.0.1/mcp', server: 'test' };

function bodyOf(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
}

async function consume(text: string, done?: (messages: JsonRpcMessage[]) => boolean) {
  const cursor: StreamCursor = { lastEventId: undefined, retryMs: undefined };
  const messages: JsonRpcMessage[] = [];
  const errors: Error[] = [];
  let events = 0;
  await consumeEvents(
    bodyOf(text),
    cursor,
    1024,
    {
      message: (m) => messages.push(m),
      error: (e) => errors.push(e),
      event: () => events++,
      ...(done === undefined ? {} : { done: () => done(messages) }),
    },
    scope,
  );
  return { cursor, messages, errors, events };
}

describe('consumeEvents', () => {
  it('moves the cursor on a priming event without delivering anything', async () => {
    const result = await consume('id: prime-1\nretry: 40\ndata: \n\n');
    expect(result).toMatchObject({ cursor: { lastEventId: 'prime-1', retryMs: 40 }, messages: [], errors: [], events: 1 });
  });

  it('reports a malformed event and goes on with the next one', async () => {
    const result = await consume(
      'data: {not json\n\nid: 7\ndata: {"jsonrpc":"2.0","id":1}\n\ndata: {"jsonrpc":"2.0","method":"notifications/message","params":{}}\n\n',
    );
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('malformed JSON'),
      expect.stringContaining('needs a "result" or an "error"'),
    ]);
    expect(result.errors[0]).toMatchObject({ code: 'TRANSPORT_ERROR', target: scope.target, server: 'test' });
    expect(result.messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/message', params: {} }]);
    expect(result.cursor.lastEventId).toBe('7');
  });

  it('delivers each message of a batch, and ignores events of other types', async () => {
    const result = await consume(
      'event: endpoint\ndata: /messages\n\ndata: [{"jsonrpc":"2.0","id":1,"result":{}},{"jsonrpc":"2.0","method":"ping","id":"s1"}]\n\n',
    );
    expect(result.messages).toHaveLength(2);
    expect(result.errors).toEqual([]);
  });

  it('stops reading once the sink is done', async () => {
    const result = await consume(
      'data: {"jsonrpc":"2.0","id":1,"result":{}}\n\ndata: {"jsonrpc":"2.0","id":2,"result":{}}\n\n',
      (messages) => messages.length === 1,
    );
    expect(result.messages).toHaveLength(1);
  });
});
