import { getEventListeners } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StreamWriter } from './stream-writer.js';

/** A stream that takes nothing until `open()`: every write past its 4-byte buffer must wait. */
function stuckStream(): { stream: Writable; open(): void; written: string[] } {
  const written: string[] = [];
  const held: (() => void)[] = [];
  let flowing = false;
  const stream = new Writable({
    highWaterMark: 4,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      written.push(chunk);
      if (flowing) callback();
      else held.push(() => callback());
    },
  });
  return {
    stream,
    written,
    open() {
      flowing = true;
      for (const release of held.splice(0)) release();
    },
  };
}

const closed = (cause?: unknown): Error => new Error('closed', { cause });

function listenerCounts(stream: Writable): { drain: number; error: number; close: number } {
  return { drain: stream.listenerCount('drain'), error: stream.listenerCount('error'), close: stream.listenerCount('close') };
}

function track(promise: Promise<void>): { settled: () => boolean } {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  return { settled: () => settled };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('StreamWriter', () => {
  it('writes the first text of a turn at once and the rest of that turn as one chunk, in order', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ decodeStrings: false, write: (chunk: string, _encoding, callback) => (chunks.push(chunk), callback()) });
    const writer = new StreamWriter(stream, closed);
    const burst = ['a\n', 'b\n', 'c\n'].map((text) => writer.write(text));
    expect(chunks).toEqual(['a\n']);
    await Promise.all(burst);
    await writer.write('d\n');
    expect(chunks).toEqual(['a\n', 'b\nc\n', 'd\n']);
  });

  it('writes calls made one at a time at once, without a batch', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ decodeStrings: false, write: (chunk: string, _encoding, callback) => (chunks.push(chunk), callback()) });
    const writer = new StreamWriter(stream, closed);
    for (const text of ['a\n', 'b\n', 'c\n']) {
      const written = writer.write(text);
      expect(chunks.at(-1)).toBe(text);
      await written;
    }
    expect(chunks).toEqual(['a\n', 'b\n', 'c\n']);
  });

  it('adds a write made in a microtask queued before the burst to the batch of the burst, after it', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ decodeStrings: false, write: (chunk: string, _encoding, callback) => (chunks.push(chunk), callback()) });
    const writer = new StreamWriter(stream, closed);
    const early = Promise.resolve().then(() => writer.write('m\n'));
    await Promise.all([writer.write('a\n'), writer.write('b\n'), early]);
    expect(chunks).toEqual(['a\n', 'b\nm\n']);
  });

  it('keeps the first text of a turn written when the writer fails before the rest is flushed', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ decodeStrings: false, write: (chunk: string, _encoding, callback) => (chunks.push(chunk), callback()) });
    const writer = new StreamWriter(stream, closed);
    const first = writer.write('a\n');
    const second = writer.write('b\n');
    const exited = new Error('the server process exited');
    writer.fail(exited);
    await expect(first).resolves.toBeUndefined();
    await expect(second).rejects.toBe(exited);
    expect(chunks).toEqual(['a\n']);
  });

  it('rejects the batch, and every later write, with the closed error when the write of the batch throws', async () => {
    const stream = new Writable({ decodeStrings: false, write: (_chunk, _encoding, callback) => callback() });
    const written: string[] = [];
    const thrown = new TypeError('write after the fd was closed');
    const write = stream.write.bind(stream);
    stream.write = ((chunk: string): boolean => {
      if (written.push(chunk) > 1) throw thrown;
      return write(chunk);
    }) as typeof stream.write;
    const writer = new StreamWriter(stream, closed);
    const burst = ['a\n', 'b\n', 'c\n'].map((text) => writer.write(text));
    await expect(burst[0]).resolves.toBeUndefined();
    for (const later of burst.slice(1)) await expect(later).rejects.toMatchObject({ message: 'closed', cause: thrown });
    await expect(writer.write('d\n')).rejects.toMatchObject({ message: 'closed', cause: thrown });
    expect(written).toEqual(['a\n', 'b\nc\n']);
  });

  it('adds no abort listener for a write the stream took at once', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const controller = new AbortController();
    const write = new StreamWriter(stream, closed).write('hello\n', controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    controller.abort(new Error('too late to matter'));
    await expect(write).resolves.toBeUndefined();
  });

  it('resolves at once while the stream buffer has room', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    await expect(new StreamWriter(stream, closed).write('{"a":1}\n')).resolves.toBeUndefined();
  });

  it('waits for drain when the buffer is full, with one set of listeners for all waiters', async () => {
    const { stream, open, written } = stuckStream();
    const baseline = listenerCounts(stream);
    const writer = new StreamWriter(stream, closed);
    const writes = ['first\n', 'second\n', 'third\n'].map((text) => track(writer.write(text)));
    await turn();
    expect(writes.some((write) => write.settled())).toBe(false);
    expect(listenerCounts(stream)).toEqual({ drain: baseline.drain + 1, error: baseline.error + 1, close: baseline.close + 1 });
    open();
    await turn();
    expect(writes.every((write) => write.settled())).toBe(true);
    expect(written.join('')).toBe('first\nsecond\nthird\n');
    expect(listenerCounts(stream)).toEqual(baseline);
  });

  it('rejects the waiting writes and leaves no listener behind when the stream fails', async () => {
    const { stream } = stuckStream();
    stream.on('error', () => undefined);
    const baseline = listenerCounts(stream);
    const writer = new StreamWriter(stream, closed);
    const waiting = [writer.write('hello\n'), writer.write('again\n')];
    stream.destroy(new Error('EPIPE'));
    for (const write of waiting) await expect(write).rejects.toMatchObject({ message: 'closed', cause: { message: 'EPIPE' } });
    expect(listenerCounts(stream)).toEqual(baseline);
    await expect(writer.write('later\n')).rejects.toThrow('closed');
  });

  it('rejects the waiting and later writes with the error given to fail(), leaving no listener behind', async () => {
    const { stream } = stuckStream();
    const baseline = listenerCounts(stream);
    const writer = new StreamWriter(stream, closed);
    const waiting = writer.write('hello\n');
    const exited = new Error('the server process exited');
    writer.fail(exited);
    await expect(waiting).rejects.toBe(exited);
    expect(listenerCounts(stream)).toEqual(baseline);
    writer.fail(new Error('second failure'));
    await expect(writer.write('later\n')).rejects.toBe(exited);
  });

  it('rejects a waiting write whose signal aborts, removing its abort listener', async () => {
    const { stream, open } = stuckStream();
    const baseline = listenerCounts(stream);
    const writer = new StreamWriter(stream, closed);
    const controller = new AbortController();
    const aborted = writer.write('hello\n', controller.signal);
    const other = track(writer.write('other\n'));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    open();
    await turn();
    expect(other.settled()).toBe(true);
    expect(listenerCounts(stream)).toEqual(baseline);
  });

  it('removes the abort listener of a write that completes', async () => {
    const { stream, open } = stuckStream();
    const writer = new StreamWriter(stream, closed);
    const controller = new AbortController();
    const write = writer.write('hello\n', controller.signal);
    open();
    await write;
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('does not write when the signal is already aborted', async () => {
    const { stream, written } = stuckStream();
    await expect(new StreamWriter(stream, closed).write('hello\n', AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late');
    expect(written).toEqual([]);
  });

  it('fails this and every later write with the closed error when the stream write throws', async () => {
    const stream = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const thrown = new TypeError('write after the fd was closed');
    let calls = 0;
    stream.write = (): boolean => {
      calls += 1;
      throw thrown;
    };
    const writer = new StreamWriter(stream, closed);
    await expect(writer.write('hello\n')).rejects.toMatchObject({ message: 'closed', cause: thrown });
    await expect(writer.write('later\n')).rejects.toMatchObject({ message: 'closed', cause: thrown });
    expect(calls).toBe(1);
  });

  it('rejects a write to a stream that is no longer writable', async () => {
    const { stream } = stuckStream();
    stream.destroy();
    await expect(new StreamWriter(stream, closed).write('hello\n')).rejects.toThrow('closed');
  });
});
