import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeMessage } from './framing.js';

const text = (value: string): Buffer => Buffer.from(value, 'utf8');

describe('decodeFrame', () => {
  it('reads one JSON-RPC message from a text frame', () => {
    const frames = [
      '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
      '{"jsonrpc":"2.0","method":"notifications/initialized"}',
      '{"jsonrpc":"2.0","id":"a","result":{}}',
      '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}',
    ];
    for (const frame of frames) expect(decodeFrame(text(frame), false)).toEqual({ messages: [JSON.parse(frame)], problems: [] });
  });

  it('reads a frame that ws delivers in fragments', () => {
    const decoded = decodeFrame([text('{"jsonrpc":"2.0",'), text('"method":"x"}')], false);
    expect(decoded.messages).toEqual([{ jsonrpc: '2.0', method: 'x' }]);
  });

  it('skips a binary frame, saying that MCP uses text frames', () => {
    const decoded = decodeFrame(text('{"jsonrpc":"2.0","method":"x"}'), true);
    expect(decoded.messages).toEqual([]);
    expect(decoded.problems).toEqual([expect.stringMatching(/binary frame \(30 bytes\).*text frame/)]);
  });

  it('skips text that is not JSON and quotes it', () => {
    expect(decodeFrame(text('hello there'), false)).toEqual({
      messages: [],
      problems: ['the server sent a text frame that is not JSON, skipped: hello there'],
    });
  });

  it('quotes at most 200 characters of a bad frame', () => {
    const [problem] = decodeFrame(text('x'.repeat(5000)), false).problems;
    expect(problem).toContain(`${'x'.repeat(200)}…`);
    expect(problem).not.toContain('x'.repeat(201));
  });

  it('reports JSON that is not a JSON-RPC message, saying what is wrong', () => {
    const decoded = decodeFrame(text('{"hello":"world"}'), false);
    expect(decoded.messages).toEqual([]);
    expect(decoded.problems).toEqual([expect.stringContaining('the "jsonrpc" member must be "2.0"')]);
  });

  it('splits a legacy batch into its messages and reports its bad elements', () => {
    const decoded = decodeFrame(text('[{"jsonrpc":"2.0","method":"a"},{"nope":1},{"jsonrpc":"2.0","id":2,"result":{}}]'), false);
    expect(decoded.messages).toEqual([
      { jsonrpc: '2.0', method: 'a' },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
    expect(decoded.problems).toHaveLength(1);
    expect(decodeFrame(text('[]'), false)).toEqual({ messages: [], problems: [expect.stringContaining('empty batch')] });
  });

  it('decodes multi-byte UTF-8 text', () => {
    const decoded = decodeFrame(text('{"jsonrpc":"2.0","method":"say","params":{"text":"héllo 🌍"}}'), false);
    expect(decoded.messages[0]).toMatchObject({ params: { text: 'héllo 🌍' } });
  });
});

describe('encodeMessage', () => {
  it('writes one message as compact JSON, with no line break', () => {
    const encoded = encodeMessage({ jsonrpc: '2.0', method: 'log', params: { text: 'a\nb' } });
    expect(encoded).toBe('{"jsonrpc":"2.0","method":"log","params":{"text":"a\\nb"}}');
  });
});
