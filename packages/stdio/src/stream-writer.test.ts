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
      await turn();
    }
    expect(chunks).toEqual(['a\n', 'b\n', 'c\n']);
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
