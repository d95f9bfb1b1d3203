import { ErrorCode, ProtocolError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { toAiSdkSamplingMessages, toAiSdkSamplingTools } from './sampling-request.js';

describe("a server's sampling messages as AI SDK messages", () => {
  it('carry tool uses as tool calls, and tool results as a tool message named by their tool use', () => {
    const messages = toAiSdkSamplingMessages([
      { role: 'user', content: { type: 'text', text: 'Weather?' } },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Oslo' } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', toolUseId: 'call_1', content: [{ type: 'text', text: 'Snow' }], isError: true },
          { type: 'text', text: 'And tomorrow?' },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather?' }] },
      { role: 'assistant', content: [{ type: 'tool-call', toolCallId: 'call_1', toolName: 'weather', input: { city: 'Oslo' } }] },
      {
        role: 'tool',
        content: [{ type: 'tool-result', toolCallId: 'call_1', toolName: 'weather', output: { type: 'error-text', value: 'Snow' } }],
      },
      { role: 'user', content: [{ type: 'text', text: 'And tomorrow?' }] },
    ]);
  });

  it('refuse a tool result that follows no tool use, naming its id', () => {
    expect(() => toAiSdkSamplingMessages([{ role: 'user', content: [{ type: 'tool_result', toolUseId: 'call_9', content: [] }] }])).toThrow(
      'the tool result for "call_9" follows no tool use of that id',
    );
  });

  it('carry images as base64 file parts, describe audio and images the providers refuse, and leave out empty texts', () => {
    const messages = toAiSdkSamplingMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: '' },
          { type: 'image', data: 'iVBOR', mimeType: 'image/png' },
          { type: 'image', data: 'PHN2Zz4=', mimeType: 'image/svg+xml' },
          { type: 'audio', data: 'UklGR', mimeType: 'audio/wav' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBOR' } },
          {
            type: 'text',
            text: '[an image of type image/svg+xml, 5 bytes, left out: the AI SDK’s providers take JPEG, PNG, GIF and WebP images only]',
          },
          { type: 'text', text: '[audio of type audio/wav, 3 bytes, left out: the AI SDK’s providers do not all take audio]' },
        ],
      },
    ]);
  });

  it('offer the tools of the request without execute, so that the calls go back to the server', () => {
    const tools = toAiSdkSamplingTools([{ name: 'weather', description: 'Weather of a city', inputSchema: { type: 'object' } }]);
    expect(Object.keys(tools)).toEqual(['weather']);
    expect(tools.weather).toMatchObject({ description: 'Weather of a city' });
    expect(tools.weather!.execute).toBeUndefined();
  });

  it('refuse a tool name the providers refuse with -32602, naming the tool and the server', () => {
    const error: unknown = catchError(() => toAiSdkSamplingTools([{ name: '3d.render', inputSchema: { type: 'object' } }], 'studio'));
    expect(ProtocolError.isInstance(error) && error.code).toBe(ErrorCode.InvalidParams);
    expect((error as Error).message).toContain('sampling tool "3d.render" of server "studio" has a name the AI SDK’s providers refuse');
  });

  it('refuse a tool schema the providers refuse with -32602, naming the tool and the server', () => {
    const either = { type: 'object' as const, anyOf: [{ required: ['a'] }, { required: ['b'] }] };
    const error: unknown = catchError(() => toAiSdkSamplingTools([{ name: 'pick', inputSchema: either }], 'studio'));
    expect(ProtocolError.isInstance(error) && error.code).toBe(ErrorCode.InvalidParams);
    expect((error as Error).message).toContain('server "studio": tool "pick": its input schema cannot be sent');
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
