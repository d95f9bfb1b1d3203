import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { StdioTransport } from '../src/index.js';
import { faultServer, request, responseTo, useTransports } from './helpers.js';

const open = useTransports();

describe('a StdioTransport talking to a well-behaved server', () => {
  it('describes itself by its command line', () => {
    const { transport } = open({ command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything', 'my dir'] });
    expect(transport.description).toBe('npx -y @modelcontextprotocol/server-everything "my dir"');
  });

  it('sends requests and receives their responses', async () => {
    const server = open(faultServer('echo'));
    await server.transport.start();
    expect(server.transport.pid).toEqual(expect.any(Number));
    const first = request('tools/list', { cursor: 'c1' });
    const second = request('ping');
    await server.transport.send(first);
    await server.transport.send(second);
    await server.transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    expect(await server.message(responseTo(first.id))).toEqual({
      jsonrpc: '2.0',
      id: first.id,
      result: { method: 'tools/list', params: { cursor: 'c1' } },
    });
    expect(await server.message(responseTo(second.id))).toEqual({ jsonrpc: '2.0', id: second.id, result: { method: 'ping', params: {} } });
    expect(server.errors).toEqual([]);
  });

  it('refuses a second start()', async () => {
    const { transport } = open(faultServer('echo'));
    await transport.start();
    const again = transport.start();
    await expect(again).rejects.toSatisfy(TransportError.isInstance);
    await expect(again).rejects.toThrow(/already called/);
  });

  it('refuses to send before start()', async () => {
    const { transport } = open(faultServer('echo'));
    await expect(transport.send(request('ping'))).rejects.toThrow(/before start/);
  });

  it('rejects a message that cannot be serialised, and stays open', async () => {
    const server = open(faultServer('echo'));
    await server.transport.start();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(server.transport.send({ jsonrpc: '2.0', method: 'x', params: circular })).rejects.toSatisfy(TransportError.isInstance);
    const ping = request('ping');
    await server.transport.send(ping);
    await server.message(responseTo(ping.id));
  });

  it('closes the server on close(): onclose once without a reason, the process gone, later sends rejected', async () => {
    const server = open(faultServer('echo'));
    await server.transport.start();
    const pid = server.transport.pid!;
    await Promise.all([server.transport.close(), server.transport.close()]);
    await server.transport.close();
    expect(server.closeCalls).toEqual([undefined]);
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    const late = server.transport.send(request('ping'));
    await expect(late).rejects.toSatisfy(ConnectionClosedError.isInstance);
    // A server that exits as soon as its stdin closes needs no signal.
    expect(server.diagnostics.filter((event) => event.type === 'info')).toEqual([]);
  });

  it('reports a server that exits on its own, after delivering what it wrote last', async () => {
    const server = open({ ...faultServer('echo'), name: 'echo' });
    await server.transport.start();
    await server.transport.send(request('exit', { code: 0 }));
    const reason = await server.closed;
    expect(server.messages).toEqual([{ jsonrpc: '2.0', method: 'bye', params: {} }]);
    expect(ConnectionClosedError.isInstance(reason)).toBe(true);
    expect(reason).toMatchObject({ exitCode: 0, signal: null, server: 'echo' });
    expect(reason?.message).toMatch(/^server "echo": the server process exited unexpectedly: .*echo\.mjs \(exit code 0\)$/);
    await server.transport.close();
    expect(server.closeCalls).toHaveLength(1);
    await expect(server.transport.send(request('ping'))).rejects.toMatchObject({ exitCode: 0 });
  });

  it('resolves close() at once, without onclose, for a transport never started', async () => {
    const server = open(faultServer('echo'));
    await server.transport.close();
    expect(server.closeCalls).toEqual([]);
    await expect(server.transport.start()).rejects.toThrow(/already called/);
  });

  it('closes a transport whose start() is still under way', async () => {
    const server = open(faultServer('echo'));
    const started = server.transport.start();
    const closed = server.transport.close();
    await started;
    await closed;
    expect(server.closeCalls).toEqual([undefined]);
    expect(() => process.kill(server.transport.pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  });

  it('reports an exception thrown by onmessage to onerror and keeps delivering', async () => {
    const server = open(faultServer('echo'));
    const received: unknown[] = [];
    server.transport.onmessage = (message) => {
      received.push(message);
      throw new Error('handler bug');
    };
    await server.transport.start();
    await server.transport.send(request('one'));
    await server.transport.send(request('two'));
    await expect.poll(() => received.length).toBe(2);
    expect(server.errors.map((error) => error.message)).toEqual(['handler bug', 'handler bug']);
  });
});

describe('StdioTransport options', () => {
  it('throws a ConfigError for invalid options, before spawning anything', () => {
    expect(() => new StdioTransport({ command: '' })).toThrow(/"command" must be a non-empty string/);
  });
});
