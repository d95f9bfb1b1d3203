import { ConnectionClosedError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './describe-failure.js';

describe('describeFailure', () => {
  it('tells of a server process that exited during the handshake, its stderr apart, without naming the probe', () => {
    const error = new ConnectionClosedError('the connection closed before a response arrived', {
      server: 'crash',
      method: 'server/discover',
      exitCode: 1,
      stderrTail: ['Error: missing API_KEY'],
    });
    expect(describeFailure(error)).toEqual({
      summary: 'the server exited with code 1 during the handshake',
      stderr: ['Error: missing API_KEY'],
    });
  });

  it('tells of a server killed by a signal, or closing, and of a request it was answering', () => {
    expect(describeFailure(new ConnectionClosedError('gone', { server: 's', method: 'initialize', signal: 'SIGKILL' })).summary).toBe(
      'the server was killed by SIGKILL during the handshake',
    );
    expect(describeFailure(new ConnectionClosedError('gone', { server: 's', method: 'tools/list' })).summary).toBe(
      'the server closed the connection while answering tools/list',
    );
  });

  it("finds the closed connection among an error's causes", () => {
    const closed = new ConnectionClosedError('gone', { server: 's', exitCode: 2, stderrTail: ['panic'] });
    const error = new Error('connect failed', { cause: closed });
    expect(describeFailure(error)).toEqual({ summary: 'the server exited with code 2', stderr: ['panic'] });
  });

  it("keeps other errors' first line, without the server and method in front", () => {
    const spawn = new TransportError(
      'could not start the server process "ghost": the command "ghost" was not found; check the command name',
      { server: 'ghost' },
    );
    expect(describeFailure(spawn).summary).toBe(
      'could not start the server process "ghost": the command "ghost" was not found; check the command name',
    );
    const refused = new TransportError('https://example.com/mcp answered 500\nbody: oops', { server: 's', method: 'initialize' });
    expect(describeFailure(refused).summary).toBe('https://example.com/mcp answered 500 during the handshake');
  });
});
