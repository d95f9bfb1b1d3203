import type { JsonRpcMessage } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { decodeLine, encodeMessage } from './framing.js';

describe('decodeLine', () => {
  it('reads a request, a notification and responses', () => {
    const lines = [
      '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
      '{"jsonrpc":"2.0","method":"notifications/initialized"}',
      '{"jsonrpc":"2.0","id":"a","result":{}}',
      '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}',
    ];
    for (const line of lines) expect(decodeLine(line)).toEqual({ kind: 'json', messages: [JSON.parse(line)], problems: [] });
  });

  it('reports a line that is not JSON as non-json', () => {
    expect(decodeLine('Server listening on stdio')).toEqual({ kind: 'non-json' });
    expect(decodeLine('{"jsonrpc":"2.0",')).toEqual({ kind: 'non-json' });
  });

  it('reports JSON that is not a JSON-RPC message as a problem', () => {
    const decoded = decodeLine('{"hello":"world"}');
    expect(decoded).toEqual({ kind: 'json', messages: [], problems: [expect.stringContaining('jsonrpc')] });
    expect(decodeLine('42')).toEqual({ kind: 'json', messages: [], problems: [expect.stringContaining('number')] });
  });

  it('splits a legacy batch into its messages, in order, and reports its bad elements', () => {
    const decoded = decodeLine('[{"jsonrpc":"2.0","method":"a"},{"nope":1},{"jsonrpc":"2.0","id":2,"result":{}}]');
    expect(decoded).toEqual({
      kind: 'json',
      messages: [
        { jsonrpc: '2.0', method: 'a' },
        { jsonrpc: '2.0', id: 2, result: {} },
      ],
      problems: [expect.any(String)],
    });
  });

  it('reports an empty batch', () => {
    expect(decodeLine('[]')).toEqual({ kind: 'json', messages: [], problems: [expect.stringContaining('empty batch')] });
  });
});

describe('encodeMessage', () => {
  it('writes one line: the only newline is the terminating one, even for strings holding line breaks', () => {
    const message: JsonRpcMessage = {
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { text: 'line one\nline two\r\n\u2028\u2029\u0085end', nested: { list: ['a\nb'] } },
    };
    const line = encodeMessage(message);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    expect(line).not.toContain('\r');
    expect(JSON.parse(line)).toEqual(message);
  });

  it('round-trips through decodeLine', () => {
    const message: JsonRpcMessage = { jsonrpc: '2.0', method: 'notifications/progress', params: { progress: 0.5, note: 'é 世 🎉' } };
    expect(decodeLine(encodeMessage(message).slice(0, -1))).toEqual({ kind: 'json', messages: [message], problems: [] });
  });
});
