import type { EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { readEventStream } from './event-stream.js';

function body(...chunks: (string | Error)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else if (next instanceof Error) controller.error(next);
      else controller.enqueue(encoder.encode(next));
    },
  });
}

function collector() {
  const seen = { events: [] as EventSourceMessage[], retries: [] as number[], ignored: [] as string[] };
  const handlers = {
    onEvent: (event: EventSourceMessage) => seen.events.push(event),
    onRetry: (ms: number) => seen.retries.push(ms),
    onIgnored: (problem: string) => seen.ignored.push(problem),
  };
  return { seen, handlers };
}

describe('readEventStream', () => {
  it('hands over events split across chunks, with their type and id, then reports the end', async () => {
    const { seen, handlers } = collector();
    const end = await readEventStream(
      body('event: endpoint\ndata: /mess', 'age\n\nid: 7\ndata: {"a":', '1}\n\n: ping\n\n'),
      1024,
      handlers,
    );
    expect(end).toEqual({ kind: 'ended' });
    expect(seen.events).toEqual([
      { event: 'endpoint', data: '/message', id: undefined },
      { event: undefined, data: '{"a":1}', id: '7' },
    ]);
  });

  it('decodes a character split across chunks', async () => {
    const { seen, handlers } = collector();
    const bytes = new TextEncoder().encode('data: é\n\n');
    const split = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    await readEventStream(split, 1024, handlers);
    expect(seen.events[0]?.data).toBe('é');
  });

  it('reports retry fields and lines it does not understand', async () => {
    const { seen, handlers } = collector();
    await readEventStream(body('retry: 1500\nretry: soon\nbogus: 1\ndata: x\n\n'), 1024, handlers);
    expect(seen.retries).toEqual([1500]);
    expect(seen.ignored).toHaveLength(2);
    expect(seen.events).toHaveLength(1);
  });

  it('stops at an oversized event, delivering the events before it and nothing after', async () => {
    const { seen, handlers } = collector();
    const end = await readEventStream(
      body('data: small\n\n', `data: ${'x'.repeat(40)}`, 'x'.repeat(40), 'x\n\ndata: after\n\n'),
      64,
      handlers,
    );
    expect(end).toEqual({ kind: 'oversized', bytes: 86 });
    expect(seen.events.map((e) => e.data)).toEqual(['small']);
  });

  it('delivers the events that share a chunk with the start of an oversized one', async () => {
    const { seen, handlers } = collector();
    const end = await readEventStream(
      body(`event: endpoint\ndata: /m\n\ndata: one\n\ndata: ${'x'.repeat(100)}\n\ndata: after\n\n`),
      64,
      handlers,
    );
    expect(end).toMatchObject({ kind: 'oversized' });
    expect(seen.events.map((e) => e.data)).toEqual(['/m', 'one']);
  });

  it('reports a stream that breaks', async () => {
    const { handlers } = collector();
    const broken = new Error('socket hang up');
    expect(await readEventStream(body('data: x\n\n', broken), 1024, handlers)).toEqual({ kind: 'failed', error: broken });
  });
});
