import { describe, expect, it } from 'vitest';
import { decodeMessageData } from './message-data.js';

describe('decodeMessageData', () => {
  it('decodes one JSON-RPC message', () => {
    expect(decodeMessageData('{"jsonrpc":"2.0","id":1,"result":{}}')).toEqual({
      messages: [{ jsonrpc: '2.0', id: 1, result: {} }],
      problems: [],
    });
  });

  it('reports data that is not JSON', () => {
    const decoded = decodeMessageData('hello');
    expect(decoded.messages).toEqual([]);
    expect(decoded.problems[0]).toContain('not JSON');
  });

  it('reports JSON that is not a JSON-RPC message, saying what is wrong', () => {
    expect(decodeMessageData('{"jsonrpc":"1.0","method":"x"}').problems).toEqual(['the "jsonrpc" member must be "2.0"']);
  });

  it('keeps the valid members of a batch and reports the others', () => {
    const decoded = decodeMessageData('[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0"},{"jsonrpc":"2.0","method":"b"}]');
    expect(decoded.messages.map((m) => ('method' in m ? m.method : ''))).toEqual(['a', 'b']);
    expect(decoded.problems).toHaveLength(1);
  });

  it('reports an empty batch', () => {
    expect(decodeMessageData('[]').problems).toEqual(['the data is an empty batch']);
  });
});
