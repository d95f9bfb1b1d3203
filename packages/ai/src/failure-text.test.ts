import type { CallToolResult, Tool } from '@mcpx/core';
import { ProtocolError, TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { anthropicTools } from './anthropic/anthropic-tools.js';
import { describeToolFailure, redactUrls } from './failure-text.js';
import type { ClientToolSource } from './tool-source.js';

const SECRET_URL = 'http://user:pw@127.0.0.1:9/mcp?api_key=sk-SECRET123#frag';

// A transport failure whose message holds the URL, as core's HTTP errors do: an in-memory source throws it.
function failingSource(error: Error): ClientToolSource {
  const tool: Tool = { name: 'lookup', inputSchema: { type: 'object' } };
  return {
    serverInfo: { name: 'remote' },
    listTools: () => Promise.resolve({ tools: [tool] }),
    callTool: (): Promise<CallToolResult> => Promise.reject(error),
  };
}

describe('what the model is told of a failed tool call', () => {
  it('holds no part of a URL with a key that the error message held', async () => {
    const error = new TransportError(`could not reach ${SECRET_URL}`, { isRetryable: true, target: SECRET_URL });
    const toolSet = await anthropicTools(failingSource(error));
    const [result] = await toolSet.handle([{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} }]);
    const text = JSON.stringify(result);
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('pw@');
    expect(result).toMatchObject({
      is_error: true,
      content: [
        { type: 'text', text: expect.stringContaining('TransportError (TRANSPORT_ERROR); it may succeed if tried again later') as unknown },
      ],
    });
  });

  it('keeps a server error message, its URLs cut to scheme, host and path', () => {
    const error = new ProtocolError({ code: -32602, message: `bad input, see ${SECRET_URL}` });
    expect(describeToolFailure(error)).toBe('the server answered error -32602: bad input, see http://127.0.0.1:9/mcp?…');
  });

  it('is what a describeFailure option says', async () => {
    const toolSet = await anthropicTools(failingSource(new Error('boom')), {
      describeFailure: (error, call) => `${call.tool.server}: ${error.message}`,
    });
    const [result] = await toolSet.handle([{ type: 'tool_use', id: 'toolu_1', name: 'lookup', input: {} }]);
    expect(result!.content).toEqual([{ type: 'text', text: 'Calling lookup (tool "lookup" on server "remote") failed: remote: boom' }]);
  });
});

describe('redactUrls', () => {
  it('leaves user info, query and fragment out of each URL', () => {
    expect(redactUrls(`a ${SECRET_URL} and wss://h/x?t=1`)).toBe('a http://127.0.0.1:9/mcp?… and wss://h/x?…');
  });
});
