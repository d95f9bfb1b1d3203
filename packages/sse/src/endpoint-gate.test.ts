import { describe, expect, it } from 'vitest';
import { EndpointGate } from './endpoint-gate.js';

const first = new URL('http://127.0.0.1/message?s=1');
const second = new URL('http://127.0.0.1/message?s=2');

describe('EndpointGate', () => {
  it('holds sends until it opens, then gives them the endpoint', async () => {
    const gate = new EndpointGate();
    const waiting = gate.wait();
    gate.open(first);
    await expect(waiting).resolves.toBe(first);
    await expect(gate.wait()).resolves.toBe(first);
  });

  it('holds sends again once shut, until the next endpoint', async () => {
    const gate = new EndpointGate();
    gate.open(first);
    gate.shut();
    const waiting = gate.wait();
    gate.open(second);
    await expect(waiting).resolves.toBe(second);
  });

  it('fails waiting and later sends with the first failure', async () => {
    const gate = new EndpointGate();
    const waiting = gate.wait();
    gate.fail(new Error('closed'));
    gate.fail(new Error('later'));
    gate.open(first);
    await expect(waiting).rejects.toThrow('closed');
    await expect(gate.wait()).rejects.toThrow('closed');
    expect(gate.endpoint).toBeUndefined();
  });

  it('lets a send stop waiting through its signal, and the others keep waiting', async () => {
    const gate = new EndpointGate();
    const controller = new AbortController();
    const aborted = gate.wait(controller.signal);
    const other = gate.wait();
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    gate.open(first);
    await expect(other).resolves.toBe(first);
  });
});
