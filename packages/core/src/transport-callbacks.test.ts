import { describe, expect, it, vi } from 'vitest';
import { InMemoryTransport } from './testing/in-memory-transport.js';
import { TransportCallbacks } from './transport-callbacks.js';

describe('TransportCallbacks', () => {
  it('sends an exception thrown by a callback to onerror', () => {
    const [transport] = InMemoryTransport.createLinkedPair();
    const errors: Error[] = [];
    transport.onerror = (error) => errors.push(error);
    transport.onmessage = () => {
      throw new Error('listener broke');
    };
    new TransportCallbacks(transport).message({ jsonrpc: '2.0', method: 'x' });
    expect(errors.map((e) => e.message)).toEqual(['listener broke']);
  });

  it('rethrows it asynchronously when nobody listens to onerror', () => {
    const [transport] = InMemoryTransport.createLinkedPair();
    transport.ondiagnostic = () => {
      throw new Error('diagnostic listener broke');
    };
    const scheduled: Array<() => void> = [];
    const spy = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) => void scheduled.push(task));
    new TransportCallbacks(transport).diagnostic({ type: 'info', message: 'hello' });
    spy.mockRestore();
    expect(scheduled).toHaveLength(1);
    expect(() => scheduled[0]?.()).toThrow('diagnostic listener broke');
  });
});
