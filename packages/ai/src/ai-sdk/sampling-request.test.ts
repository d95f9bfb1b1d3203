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

  it('carry images and audio as base64 file parts, and leave out empty texts', () => {
    const messages = toAiSdkSamplingMessages([
      {
        role: 'user',
        content: [
          { type: 'text', text: '' },
          { type: 'image', data: 'iVBOR', mimeType: 'image/png' },
          { type: 'audio', data: 'UklGR', mimeType: 'audio/wav' },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'iVBOR' } },
          { type: 'file', mediaType: 'audio/wav', data: { type: 'data', data: 'UklGR' } },
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
});
